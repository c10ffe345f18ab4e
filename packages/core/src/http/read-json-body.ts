// Reads a raw route's JSON body with a size limit (channel routes get Node's request unread, so
// signatures can be checked first). raw-body does the bounded read; this maps its outcomes to the
// HTTP status a route should answer.
import type { IncomingMessage } from "node:http";
import getRawBody from "raw-body";
import { ParleyError } from "../errors/index.js";

export class HttpBodyError extends ParleyError {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(
      status === 413 ? "BODY_TOO_LARGE" : status === 415 ? "BODY_NOT_JSON_TYPE" : "BODY_INVALID",
      message,
    );
  }
}

export interface ReadJsonBodyOptions {
  maxBytes: number;
  /** Refuse (415) a request whose content type is not JSON. */
  requireJsonType?: boolean;
}

/**
 * The parsed JSON body. An oversized body is left unread (the stream is paused, not destroyed) so
 * the caller's 413 still reaches the sender; the caller should close that connection.
 */
export async function readJsonBody(req: IncomingMessage, options: ReadJsonBodyOptions): Promise<unknown> {
  const { maxBytes } = options;
  if (options.requireJsonType && !/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    req.resume();
    throw new HttpBodyError(415, "send the body as JSON (content-type: application/json)");
  }
  let raw: string;
  try {
    raw = await getRawBody(req, { limit: maxBytes, length: req.headers["content-length"], encoding: "utf8" });
  } catch (error) {
    if ((error as { status?: number }).status === 413)
      throw new HttpBodyError(413, `body over ${maxBytes} bytes`);
    throw new HttpBodyError(400, "body could not be read");
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpBodyError(400, "body is not JSON");
  }
}
