// A reply keyboard sends the label the person tapped; this maps it back to the bot's postback.
import { BoundedMap, type Button } from "@parley/core";

export class PendingQuickReplies {
  private readonly byPerson = new BoundedMap<string, Map<string, string>>(10_000);

  offer(chatId: string, userId: string | undefined, replies: readonly Button[]): void {
    const labels = new Map<string, string>();
    for (const reply of replies) labels.set(reply.text, reply.postback ?? reply.text);
    this.byPerson.set(key(chatId, userId), labels);
  }

  /** The postback of a tapped quick reply (consumed: the keyboard is one-time), or undefined. */
  take(chatId: string, userId: string, text: string): string | undefined {
    for (const k of [key(chatId, userId), key(chatId, undefined)]) {
      const postback = this.byPerson.get(k)?.get(text);
      if (postback !== undefined) {
        this.byPerson.delete(k);
        return postback;
      }
    }
    return undefined;
  }
}

function key(chatId: string, userId: string | undefined): string {
  return `${chatId}:${userId ?? "*"}`;
}
