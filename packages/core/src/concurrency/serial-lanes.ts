// One FIFO lane per key: a key's tasks run one after another in arrival order, different keys in
// parallel. A failed task does not block its lane. Idle keys cost nothing.
export class SerialLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // Drop the chain once nothing is queued behind this task.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Resolves once every task accepted so far (and any queued behind them) has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  /** Keys with a task running or queued. */
  get activeKeys(): number {
    return this.tails.size;
  }
}
