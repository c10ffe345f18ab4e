// Event ids already taken in, so a retried delivery (X-Slack-Retry-Num) is dropped, not answered twice.

/** Bounded, oldest forgotten first: Slack retries within the hour, a few thousand ids cover that. */
export class RecentIds {
  readonly #ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen; false for a repeat. */
  claim(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return true;
  }

  /** Forgets an id whose processing failed, so Slack's retry of it is taken in. */
  release(id: string): void {
    this.#ids.delete(id);
  }
}
