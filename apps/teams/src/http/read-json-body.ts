// Reads a request's JSON body with a size limit (the route gets Node's raw request, body unread).
import type { IncomingMessage } from "node:http";

/** Largest activity read; Bot Framework activities are far smaller (Teams caps messages near 100 KB). */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new BodyError(413, `body over ${maxBytes} bytes`);
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
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new BodyError(400, "body is not JSON");
  }
}
