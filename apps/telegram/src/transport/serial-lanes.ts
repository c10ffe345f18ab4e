// One FIFO lane per chat: a chat's messages go out strictly in order, different chats in parallel.

export class SerialLanes {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(lane: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(lane, tail);
    void tail.then(() => {
      if (this.tails.get(lane) === tail) this.tails.delete(lane);
    });
    return result;
  }

  /** Resolves once every job queued so far (and any queued meanwhile) has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
