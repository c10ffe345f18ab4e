// Remembers (channel, messageId) pairs for a while: platforms redeliver webhooks they think failed.
// Entries share one TTL, so insertion order is expiry order and expired ones are swept from the front.

export class DedupeCache<V> {
  readonly #entries = new Map<string, { expiresAt: number; value: V | undefined }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(ttlMs: number, maxEntries: number) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = Math.max(1, maxEntries);
  }

  /** Returns the earlier entry if `key` was seen within the TTL, otherwise records it and returns undefined. */
  check(key: string, value?: V): { value: V | undefined } | undefined {
    const now = Date.now();
    this.#sweep(now);
    const found = this.#entries.get(key);
    if (found && found.expiresAt > now) return { value: found.value };
    this.#entries.set(key, { expiresAt: now + this.#ttlMs, value });
    if (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return undefined;
  }

  /** Attaches a value (e.g. the pending answer) to a key recorded by `check`. */
  attach(key: string, value: V): void {
    const found = this.#entries.get(key);
    if (found) found.value = value;
  }

  get size(): number {
    return this.#entries.size;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.#entries.delete(key);
    }
  }
}
