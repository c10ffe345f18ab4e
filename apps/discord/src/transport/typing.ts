// "The bot is typing…". Discord shows it for about 10 seconds per call: `pulse` sends one signal
// (skipping repeats within the renew period), `start`/`stop` keep it up across a <delay>.
import type { Logger } from "@parley/core";
import { describeError } from "../errors.js";

export interface TypingOptions {
  send(channelId: string): Promise<void>;
  logger: Logger;
  renewMs?: number;
  maxMs?: number;
}

export class TypingIndicator {
  private readonly active = new Map<string, { timer: NodeJS.Timeout; until: number }>();
  private readonly lastSent = new Map<string, number>();
  private readonly renewMs: number;
  private readonly maxMs: number;

  constructor(private readonly options: TypingOptions) {
    this.renewMs = options.renewMs ?? 8_000;
    this.maxMs = options.maxMs ?? 120_000;
  }

  /** Shows typing now (unless shown moments ago) and keeps it up until `stop`. */
  start(channelId: string): void {
    const until = Date.now() + this.maxMs;
    const existing = this.active.get(channelId);
    if (existing) {
      existing.until = until;
      return;
    }
    const timer = setInterval(() => {
      const entry = this.active.get(channelId);
      if (!entry || Date.now() > entry.until) return this.stop(channelId);
      void this.pulse(channelId, true);
    }, this.renewMs);
    timer.unref();
    this.active.set(channelId, { timer, until });
    void this.pulse(channelId);
  }

  /** One typing signal, skipped when one went out to this channel within the renew period. */
  async pulse(channelId: string, force = false): Promise<void> {
    const last = this.lastSent.get(channelId) ?? 0;
    if (!force && Date.now() - last < this.renewMs) return;
    this.lastSent.set(channelId, Date.now());
    try {
      await this.options.send(channelId);
    } catch (error) {
      // Typing is a courtesy: a failure is logged, never surfaced.
      this.options.logger.debug({ channelId, err: describeError(error) }, "discord typing indicator failed");
    }
  }

  stop(channelId: string): void {
    const entry = this.active.get(channelId);
    if (entry) clearInterval(entry.timer);
    this.active.delete(channelId);
    // A message clears typing on Discord; the next answer may show it again at once.
    this.lastSent.delete(channelId);
  }

  stopAll(): void {
    for (const channelId of [...this.active.keys()]) this.stop(channelId);
  }
}
