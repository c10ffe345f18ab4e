// Messages between the HTTP thread and a talk worker travel in batches, one per event-loop turn.
// Each postMessage wakes the other thread through a syscall; under load, dozens of turns are sent
// (and answered) in the same event-loop turn, so batching saves most of those wake-ups.
export class Outbox<T> {
  private pending: T[] = [];
  private scheduled = false;

  constructor(private readonly deliver: (batch: T[]) => void) {}

  push(message: T): void {
    this.pending.push(message);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.deliver(batch);
  }
}
