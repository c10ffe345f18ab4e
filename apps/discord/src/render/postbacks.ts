// Button postbacks travel in a component's custom_id, which Discord caps at 100 characters.
// Short postbacks ride inline; longer ones (or a repeat within one message, since custom_ids must
// be unique per message) are swapped for a short random token remembered here.
import { randomBytes } from "node:crypto";
import { Limits } from "./limits.js";

const INLINE = "p:";
const TOKEN = "t:";

export class PostbackCodec {
  // Insertion-ordered, so the oldest token is the first key: a bounded memory, oldest forgotten first.
  private readonly tokens = new Map<string, string>();

  constructor(private readonly maxTokens = 10_000) {}

  /** A custom_id for `postback`, unique within `used` (the ids already in the same message). */
  encode(postback: string, used: Set<string>): string {
    let id = `${INLINE}${postback}`;
    if (id.length > Limits.customId || used.has(id)) {
      id = `${TOKEN}${randomBytes(12).toString("base64url")}`;
      this.tokens.set(id, postback);
      if (this.tokens.size > this.maxTokens) {
        const oldest = this.tokens.keys().next().value;
        if (oldest !== undefined) this.tokens.delete(oldest);
      }
    }
    used.add(id);
    return id;
  }

  /** The postback behind a custom_id, or undefined when it is not ours or its token was forgotten. */
  decode(customId: string): string | undefined {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (customId.startsWith(TOKEN)) return this.tokens.get(customId);
    return undefined;
  }
}
