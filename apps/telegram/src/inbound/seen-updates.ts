// Telegram redelivers an update when a webhook answer is lost: each update_id is handled once.

export class SeenUpdates {
  private readonly seen = new Set<number>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered, false for a repeat. Forgets the oldest beyond `capacity`. */
  firstTime(updateId: number): boolean {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
