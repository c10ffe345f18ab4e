// When a group commit sends its batch. A commit has a fixed cost on top of its turns' (locks, WAL
// frames, and with a writer thread two messages and two thread wake-ups), so a busy writer waits a
// little to gather more turns per commit; an idle one commits at once, adding no latency.

export class CommitWindow {
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;

  /** `windowMs`: the longest wait for more turns while busy (the last flush was within twice this); 0: none. */
  constructor(private readonly windowMs: number) {}

  /**
   * Runs `flush` after this event-loop turn, or after the window if the writer is busy; while a
   * flush is already scheduled, does nothing (that flush takes the new turns too).
   */
  schedule(flush: () => void): void {
    if (this.timer !== undefined || this.immediate !== undefined) return;
    const run = () => {
      this.timer = undefined;
      this.immediate = undefined;
      flush();
    };
    const busy = this.windowMs > 0 && performance.now() - this.lastFlushAt < 2 * this.windowMs;
    if (busy) this.timer = setTimeout(run, this.windowMs);
    else this.immediate = setImmediate(run);
  }

  /** A batch was sent now (by the scheduled flush or an earlier one, as on close). */
  flushed(): void {
    this.lastFlushAt = performance.now();
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }
}
