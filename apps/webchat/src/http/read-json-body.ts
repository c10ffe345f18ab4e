// Reads a JSON request body with a size limit, failing with the HTTP status to answer.
import type { IncomingMessage } from "node:http";

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) {
    req.resume();
    throw new BodyError(415, "Send the message as JSON (content-type: application/json)");
  }
  const declared = Number(req.headers["content-length"]);
  if (declared > limitBytes) {
    req.resume();
    throw new BodyError(413, `Body too large (limit ${limitBytes} bytes)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      req.resume();
      throw new BodyError(413, `Body too large (limit ${limitBytes} bytes)`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BodyError(400, "Body must be valid JSON");
  }
}
