// POST /api/webchat/messages: {userId, text} -> {interlocutor, replies} once the bot has answered.
import { randomUUID } from "node:crypto";
import type { GatewayPort, HttpRoute, Inbound, Logger } from "@parley/core";
import { HttpBodyError, isParleyError, readJsonBody } from "@parley/core";
import { sendError, sendJson } from "../http/respond.js";
import { WEBCHAT_PATHS } from "../options.js";
import { messageBodySchema } from "./message-body.js";

export interface MessagesRouteDeps {
  maxText: number;
  logger: Logger;
  /** The gateway once the channel started and while it is not stopping; undefined otherwise. */
  gateway(): GatewayPort | undefined;
  /** Counts a request in progress, so stop() can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
}

export function messagesRoute(deps: MessagesRouteDeps): HttpRoute {
  const schema = messageBodySchema(deps.maxText);
  // Room for the text in 4-byte UTF-8 plus the other fields.
  const limitBytes = deps.maxText * 4 + 4096;
  return {
    method: "POST",
    path: WEBCHAT_PATHS.messages,
    async handler(req, res) {
      const gateway = deps.gateway();
      if (!gateway) {
        req.resume();
        return sendError(res, 503, "The web chat is not running right now; try again shortly", {
          "retry-after": "5",
        });
      }
      let body: unknown;
      try {
        body = await readJsonBody(req, { maxBytes: limitBytes, requireJsonType: true });
      } catch (error) {
        if (error instanceof HttpBodyError) return sendError(res, error.status, error.message);
        throw error;
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        // First problem of each field: "userId must not be empty", not also "may hold only letters".
        const byField = new Map<string, string>();
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".");
          if (!byField.has(field)) byField.set(field, issue.message);
        }
        return sendError(res, 400, [...byField.values()].join("; "));
      }
      const { userId, text, messageId, name } = parsed.data;
      const inbound: Inbound = {
        channel: "webchat",
        userId,
        conversationId: userId,
        messageId: messageId ?? randomUUID(),
        text,
        ...(name ? { profile: { name } } : {}),
      };
      try {
        const answer = await deps.track(gateway.ask(inbound));
        sendJson(res, 200, { interlocutor: answer.interlocutor, replies: answer.reply });
      } catch (error) {
        const code = isParleyError(error) ? error.code : undefined;
        if (code === "INVALID_INBOUND") return sendError(res, 400, (error as Error).message);
        if (code === "DUPLICATE_MESSAGE") return sendError(res, 409, "This messageId was already used");
        if (code === "GATEWAY_CLOSED") {
          return sendError(res, 503, "The web chat is restarting; try again shortly", { "retry-after": "5" });
        }
        deps.logger.error({ err: error }, "web chat message failed");
        sendError(res, 500, "The bot could not answer; try again later");
      }
    },
  };
}
