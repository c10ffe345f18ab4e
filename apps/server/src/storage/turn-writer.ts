// Group commit: turns finished in the same tick are written in one SQLite transaction. Each caller
// waits for its commit, so a reply is only sent once the client's new state is on disk.
import type { CommitLock } from "./commit-lock.js";
import type { ConversationStore, TurnRecord } from "./conversation-store.js";

interface Pending {
  turn: TurnRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class TurnWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly store: ConversationStore,
    /** Shared with the other writers of the same file, when there are several (talk workers). */
    private readonly lock?: CommitLock,
  ) {}

  write(turn: TurnRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ turn, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      const turns = batch.map((pending) => pending.turn);
      if (this.lock) this.lock.hold(() => this.store.recordTurns(turns));
      else this.store.recordTurns(turns);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) pending.resolve();
  }
}
