// Reads a webhook body with a size limit and checks it is an update, before telegraf sees it
// (telegraf alone would read any size and answer a malformed body with 415).
import type { IncomingMessage } from "node:http";
import { HttpBodyError, readJsonBody } from "@parley/core";

/** Largest webhook body read. Telegram's updates are a few KB (4,096-character messages). */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

export async function readUpdateBody(req: IncomingMessage, maxBytes: number): Promise<object> {
  const body = await readJsonBody(req, { maxBytes });
  if (!body || typeof body !== "object" || typeof (body as { update_id?: unknown }).update_id !== "number") {
    throw new HttpBodyError(400, "body is not a Telegram update");
  }
  return body;
}
