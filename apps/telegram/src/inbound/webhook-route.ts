// The webhook as a route on the gateway's listener. telegraf checks the path and the secret header
// (constant-time) and refuses anything else with 403 before a byte of the update is read.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpRoute, Logger } from "@parley/core";
import type { Telegraf } from "telegraf";

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
): HttpRoute {
  const url = new URL(webhook.url);
  const path = url.pathname;
  // telegraf compares the whole request target, query included, with what it was given.
  const callback = bot.webhookCallback(path + url.search, { secretToken: webhook.secret });
  return {
    method: "POST",
    path,
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      if (!isAccepting()) {
        res.writeHead(503).end();
        return;
      }
      await currentRequest.run(res, () =>
        callback(req, res, () => {
          logger.warn({ path }, "telegram webhook call refused: wrong or missing secret token");
          res.writeHead(403).end();
        }),
      );
    },
  };
}
