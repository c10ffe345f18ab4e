// The one HTTP listener of `parley start`: health, readiness, metrics, and every channel's raw routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import type { Registry } from "prom-client";
import type { HttpRoute, Logger } from "../types/index.js";
import { RouteTable } from "./route-table.js";

export interface HttpListenerOptions {
  host: string;
  port: number;
  logger: Logger;
  routes?: readonly HttpRoute[];
  health: { ready: () => Promise<boolean> };
  metricsRegistry: Registry;
  /** Limit of a readiness check before /readyz answers 503. Default 5 s. */
  readyTimeoutMs?: number;
  /** On close, requests still running after this long are cut off. Default 10 s. */
  closeTimeoutMs?: number;
}

export interface HttpListener {
  /** The bound address (port resolved when 0 was asked for). */
  readonly address: { host: string; port: number };
  /** e.g. "http://127.0.0.1:3000". */
  readonly url: string;
  /** Mounts more raw routes (channels created after the listener). */
  addRoutes(routes: readonly HttpRoute[]): void;
  /** Stops accepting connections and waits for requests in progress to finish. */
  close(): Promise<void>;
}

export async function createHttpListener(options: HttpListenerOptions): Promise<HttpListener> {
  const { logger } = options;
  const table = new RouteTable();
  table.add(options.routes ?? []);
  const app = Fastify({ logger: false, return503OnClosing: true, forceCloseConnections: "idle" });
  let closing: Promise<void> | undefined;

  app.addHook("onRequest", async (request, reply) => {
    const path = pathOf(request.raw.url);
    const started = performance.now();
    reply.raw.once("finish", () => {
      const ms = Math.round(performance.now() - started);
      // Path only: query strings may carry credentials.
      logger.debug({ method: request.method, path, status: reply.raw.statusCode, ms }, "http request");
      // A keep-alive socket that just went idle would hold close() open until its timeout.
      if (closing) setImmediate(() => app.server.closeIdleConnections());
    });
    const match = table.match(request.method, path);
    if (match?.kind === "wrong-method") {
      reply.header("allow", match.allow.join(", "));
      return reply.code(405).send({ error: "Method Not Allowed" });
    }
    if (match?.kind !== "found") return;
    // The channel owns the raw request from here: the body is still unread (signatures need it).
    reply.hijack();
    await runRoute(match.route, request.raw, reply.raw, logger);
  });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const ready = await checkReady(options.health.ready, options.readyTimeoutMs ?? 5_000, logger);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready" });
  });
  app.get("/metrics", async (_request, reply) => {
    const text = await options.metricsRegistry.metrics();
    return reply.type(options.metricsRegistry.contentType).send(text);
  });

  await app.listen({ host: options.host, port: options.port });
  const bound = app.server.address() as AddressInfo;
  const address = { host: bound.address, port: bound.port };
  const url = `http://${bound.family === "IPv6" ? `[${bound.address}]` : bound.address}:${bound.port}`;
  logger.info({ url }, "http listener ready");

  return {
    address,
    url,
    addRoutes: (routes) => table.add(routes),
    close() {
      closing ??= (async () => {
        const cutOff = setTimeout(() => {
          logger.warn("http requests still running at shutdown were cut off");
          app.server.closeAllConnections();
        }, options.closeTimeoutMs ?? 10_000);
        try {
          await app.close();
        } finally {
          clearTimeout(cutOff);
        }
        logger.info("http listener closed");
      })();
      return closing;
    },
  };
}

async function runRoute(route: HttpRoute, req: IncomingMessage, res: ServerResponse, logger: Logger) {
  try {
    await route.handler(req, res);
  } catch (error) {
    logger.error({ err: error, method: route.method, route: route.path }, "route handler failed");
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: "Internal Server Error" }));
    } else if (!res.writableEnded) {
      res.end();
    }
  }
}

async function checkReady(
  ready: () => Promise<boolean>,
  timeoutMs: number,
  logger: Logger,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    return (await Promise.race([ready(), timeout])) === true;
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
