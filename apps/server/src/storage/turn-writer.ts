// Group commit: turns finished in the same tick are written in one SQLite transaction. Each caller
// waits for its commit, so a reply is only sent once the client's new state is on disk.
// On the HTTP thread, the turns of every request read in one event-loop turn are committed together
// right after it (setImmediate). On a talk worker, turns arrive one message at a time, and a commit
// has a fixed cost (locks, one write per WAL frame: about 60 µs here) on top of about 30 µs per turn,
// so there the writer may wait up to `windowMs` while busy to gather a few (see CommitWindow).
import { type CommitLock, underLock } from "./commit-lock.js";
import { CommitWindow } from "./commit-window.js";
import type { ConversationStore, TurnRecord } from "./conversation-store.js";

interface Pending {
  turn: TurnRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Where a turn goes to be committed: its promise resolves once the turn is on disk. */
export interface TurnWrites {
  write(turn: TurnRecord): Promise<void>;
}

export class TurnWriter implements TurnWrites {
  private queue: Pending[] = [];
  private readonly window: CommitWindow;

  constructor(
    private readonly store: ConversationStore,
    /** Shared with the other writers of the same file, when there are several (talk workers). */
    private readonly lock?: CommitLock,
    /** Longest wait for more turns while busy (the previous commit was within twice this); 0: none. */
    windowMs = 0,
  ) {
    this.window = new CommitWindow(windowMs);
  }

  write(turn: TurnRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ turn, resolve, reject });
      this.window.schedule(() => this.flush());
    });
  }

  flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.window.flushed();
    this.queue = [];
    try {
      const turns = batch.map((pending) => pending.turn);
      underLock(this.lock, () => this.store.recordTurns(turns));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) pending.resolve();
  }
}
