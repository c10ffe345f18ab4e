// Shows "typing..." in a conversation while at least one of its messages waits for the bot, and
// repeats it because platforms let the indicator lapse after a few seconds.
import type { Address, Channel, Logger } from "../types/index.js";

interface Active {
  count: number;
  timer: NodeJS.Timeout | undefined;
}

export class TypingIndicator {
  readonly #active = new Map<string, Active>();
  readonly #intervalMs: number;
  readonly #logger: Logger;

  constructor(intervalMs: number, logger: Logger) {
    this.#intervalMs = intervalMs;
    this.#logger = logger;
  }

  /** Starts (or joins) the indicator of `to`; returns the function that ends this message's share. */
  start(channel: Channel, to: Address): () => void {
    if (!channel.typing) return noop;
    const key = `${to.channel}\u0000${to.conversationId}`;
    const active = this.#active.get(key);
    if (active) {
      active.count++;
    } else {
      const ping = () => this.#ping(channel, to);
      ping();
      const timer = this.#intervalMs > 0 ? setInterval(ping, this.#intervalMs) : undefined;
      timer?.unref();
      this.#active.set(key, { count: 1, timer });
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.#active.get(key);
      if (current && --current.count === 0) {
        clearInterval(current.timer);
        this.#active.delete(key);
      }
    };
  }

  #ping(channel: Channel, to: Address): void {
    // A lost typing indicator is cosmetic; the reply still goes out.
    const failed = (err: unknown) =>
      this.#logger.debug({ channel: to.channel, err }, "typing indicator failed");
    try {
      channel.typing?.(to).catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}

const noop = () => {};
