// The webhook as a route on the gateway's listener. The secret header is checked (constant-time)
// before a byte of the body is read; the body is then read with a size limit and must be an update.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpBodyError, type HttpRoute, type Logger } from "@parley/core";
import type { Telegraf } from "telegraf";
import { MAX_WEBHOOK_BODY_BYTES, readUpdateBody } from "./read-update-body.js";

const currentRequest = new AsyncLocalStorage<ServerResponse>();

/**
 * Called while handling an update that could not be taken (the gateway is stopping): the webhook
 * answers 503 so Telegram delivers the update again later instead of it being lost.
 */
export function askTelegramToRetry(): void {
  const res = currentRequest.getStore();
  if (res && !res.headersSent) res.statusCode = 503;
}

export function webhookRoute(
  bot: Telegraf,
  webhook: { url: string; secret: string },
  isAccepting: () => boolean,
  logger: Logger,
  maxBodyBytes = MAX_WEBHOOK_BODY_BYTES,
): HttpRoute {
  const url = new URL(webhook.url);
  const path = url.pathname;
  // telegraf compares the whole request target, query included, with what it was given.
  const callback = bot.webhookCallback(path + url.search, { secretToken: webhook.secret });
  const refuse = (res: ServerResponse) => {
    logger.warn({ path }, "telegram webhook call refused: wrong or missing secret token");
    res.writeHead(403).end();
  };
  return {
    method: "POST",
    path,
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      if (!isAccepting()) {
        res.writeHead(503).end();
        return;
      }
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return refuse(res);
      let update: object;
      try {
        update = await readUpdateBody(req, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof HttpBodyError)) throw error;
        logger.warn({ path, status: error.status, reason: error.message }, "telegram webhook call refused");
        // An oversized body's rest is never read: close the connection rather than leave it half-read.
        const headers = {
          "content-type": "application/json; charset=utf-8",
          ...(error.status === 413 ? { connection: "close" } : {}),
        };
        res.writeHead(error.status, headers).end(JSON.stringify({ error: error.message }));
        return;
      }
      // telegraf takes an already-read body from req.body.
      (req as IncomingMessage & { body?: unknown }).body = update;
      await currentRequest.run(res, () => callback(req, res, () => refuse(res)));
    },
  };
}

function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  const given = Array.isArray(header) ? header[0] : header;
  if (given === undefined) return false;
  // Hashing first gives equal lengths, as timingSafeEqual needs, without revealing the secret's length.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
