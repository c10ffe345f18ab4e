// POST /api/messages: the Bot Connector's requests. Each one's JWT is validated by the Bot Framework
// SDK before anything runs; a missing or bad token is answered 401 and the activity is dropped.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpBodyError, type HttpRoute, type Logger, readJsonBody } from "@parley/core";
import type { Activity, TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { ParleyCloudAdapter } from "../auth/parley-cloud-adapter.js";
import { routeSdkConsole } from "../auth/sdk-console.js";
import { isLoopbackHost } from "../config.js";
import { MAX_BODY_BYTES } from "./body-limit.js";

export interface MessagesRouteOptions {
  path: string;
  adapter: ParleyCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** False once the channel stops: later activities get 503 so the connector retries elsewhere/later. */
  isAccepting: () => boolean;
  /** Local mode: no token is asked for, and requests must reach the listener on a loopback address. */
  loopbackOnly: boolean;
  logger: Logger;
  maxBodyBytes?: number;
}

export function messagesRoute(options: MessagesRouteOptions): HttpRoute {
  const { adapter, logger } = options;
  return {
    method: "POST",
    path: options.path,
    async handler(req: IncomingMessage, res: ServerResponse) {
      if (!options.isAccepting()) {
        return reply(res, 503, { error: "Teams channel is stopping" }, { "retry-after": "5" });
      }
      if (options.loopbackOnly && !isLoopbackHost(req.socket.localAddress ?? "")) {
        logger.error(
          { localAddress: req.socket.localAddress },
          "unauthenticated Teams mode refused a request that did not arrive on loopback",
        );
        return reply(res, 403, { error: "unauthenticated mode serves loopback only" });
      }
      const authHeader = headerValue(req.headers.authorization);
      if (!options.loopbackOnly && !authHeader) {
        // No token at all: refused before the body is even read.
        logger.warn({ hasToken: false }, "Teams request refused: missing or invalid Bot Framework token");
        return reply(res, 401, { error: "Unauthorized" });
      }
      let body: unknown;
      try {
        body = await readJsonBody(req, { maxBytes: options.maxBodyBytes ?? MAX_BODY_BYTES });
      } catch (err) {
        const status = err instanceof HttpBodyError ? err.status : 400;
        logger.warn({ status }, "Teams request refused: body too large or not JSON");
        // The rest of an oversized body is never read: close the connection rather than keep it half-read.
        const close: Record<string, string> = status === 413 ? { connection: "close" } : {};
        return reply(res, status, { error: err instanceof Error ? err.message : "bad body" }, close);
      }
      if (!body || typeof body !== "object" || typeof (body as Activity).type !== "string") {
        return reply(res, 400, { error: "not a Bot Framework activity" });
      }
      const activity = body as Activity;

      let authenticated: Awaited<ReturnType<ParleyCloudAdapter["authenticate"]>>;
      try {
        // The SDK prints its own lines on a refused token; they go to our log (debug), not stdout/stderr.
        authenticated = await routeSdkConsole(logger, () => adapter.authenticate(activity, authHeader));
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if (keysUnavailable(err)) {
          // Our problem, not the sender's: 503 lets the connector retry once the keys can be fetched.
          logger.error({ reason }, "could not load the Bot Framework signing keys; request refused");
          return reply(res, 503, { error: "Signing keys unavailable" }, { "retry-after": "5" });
        }
        logger.warn(
          { reason, hasToken: true },
          "Teams request refused: missing or invalid Bot Framework token",
        );
        return reply(res, 401, { error: "Unauthorized" });
      }

      const invoke = await adapter.runTurn(authenticated, activity, options.logic);
      return reply(res, invoke?.status ?? 200, invoke?.body);
    },
  };
}

function reply(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** The OpenID metadata or key set could not be fetched (HTTP error, or no connection at all). */
function keysUnavailable(err: unknown): boolean {
  if (err instanceof AuthenticationError) return err.statusCode >= 500;
  // node-fetch, which the SDK uses for the metadata, throws FetchError when the host cannot be reached.
  return err instanceof Error && err.name === "FetchError";
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
