// callback_data holds at most 64 bytes: longer postbacks travel as a short token mapped back here.
import { randomBytes } from "node:crypto";

const CALLBACK_DATA_LIMIT = 64;
const TOKEN_MARK = "~";

export class PostbackCodec {
  private readonly tokens = new Map<string, string>();

  /** `capacity` bounds memory: the oldest long postbacks are forgotten first (their buttons expire). */
  constructor(private readonly capacity = 10_000) {}

  encode(postback: string): string {
    if (Buffer.byteLength(postback, "utf8") <= CALLBACK_DATA_LIMIT && !postback.startsWith(TOKEN_MARK)) {
      return postback;
    }
    const token = TOKEN_MARK + randomBytes(12).toString("base64url");
    this.tokens.set(token, postback);
    if (this.tokens.size > this.capacity) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return token;
  }

  /** The postback a button carried, or undefined when its token is unknown (expired or forged). */
  decode(data: string): string | undefined {
    return data.startsWith(TOKEN_MARK) ? this.tokens.get(data) : data;
  }
}
