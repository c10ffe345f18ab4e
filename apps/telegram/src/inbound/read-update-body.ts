// Reads a webhook body with a size limit and checks it is an update, before telegraf sees it
// (telegraf alone would read any size and answer a malformed body with 415).
import type { IncomingMessage } from "node:http";

/** Largest webhook body read. Telegram's updates are a few KB (4,096-character messages). */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

export class WebhookBodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = "WebhookBodyError";
  }
}

export async function readUpdateBody(req: IncomingMessage, maxBytes: number): Promise<object> {
  const tooLarge = () => new WebhookBodyError(413, `body over ${maxBytes} bytes`);
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) throw tooLarge();
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop reading but leave the socket alone, so the 413 still reaches the sender.
      req.off("data", onData).pause();
      reject(tooLarge());
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new WebhookBodyError(400, "body is not JSON");
  }
  if (!body || typeof body !== "object" || typeof (body as { update_id?: unknown }).update_id !== "number") {
    throw new WebhookBodyError(400, "body is not a Telegram update");
  }
  return body;
}
