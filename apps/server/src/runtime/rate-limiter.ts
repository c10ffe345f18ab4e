// Per-app talk-call limit over fixed one-minute windows of the injected clock.
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class MinuteRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: () => number,
  ) {}

  take(key: string): RateDecision {
    if (this.limitPerMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.clock();
    const start = now - (now % 60_000);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limitPerMinute) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + 60_000 - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
