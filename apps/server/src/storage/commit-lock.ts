// A lock every writing connection takes around its writes (the SQLite writer thread or the talk
// workers, and the HTTP thread's own few writes). Two connections that write at once make one of them
// wait in SQLite's busy handler, which sleeps in steps of 1, 2, 5... ms and stalls that whole thread;
// Atomics.wait instead wakes the waiter the moment the other commit ends.
import { threadId, type Worker } from "node:worker_threads";

const FREE = 0;

export class CommitLock {
  private readonly cell: Int32Array;
  /** The cell holds the holder's thread id + 1, so a dead holder's lock can be told apart. */
  private readonly me = threadId + 1;

  /** Pass `buffer` to share one lock between threads (it travels in workerData). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer);
  }

  /** How deep this thread is in hold() calls: a write that calls another keeps the one lock. */
  private depth = 0;

  /** Runs `commit` while holding the lock. Commits are short (well under a millisecond each). */
  hold<T>(commit: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return commit();
      } finally {
        this.depth--;
      }
    }
    for (;;) {
      const holder = Atomics.compareExchange(this.cell, 0, FREE, this.me);
      if (holder === FREE) break;
      Atomics.wait(this.cell, 0, holder, 50);
    }
    this.depth = 1;
    try {
      return commit();
    } finally {
      this.depth = 0;
      Atomics.store(this.cell, 0, FREE);
      Atomics.notify(this.cell, 0, 1);
    }
  }

  /**
   * Frees the lock when `worker` exits if it died holding it (mid-commit). Call it right after
   * creating the worker: Node sets worker.threadId to -1 once the thread has exited.
   */
  freeWhenExits(worker: Worker): void {
    const id = worker.threadId;
    worker.once("exit", () => this.releaseIfHeldBy(id));
  }

  /** A thread died, possibly mid-commit: frees the lock if that thread held it. */
  releaseIfHeldBy(deadThreadId: number): void {
    if (Atomics.compareExchange(this.cell, 0, deadThreadId + 1, FREE) === deadThreadId + 1) {
      Atomics.notify(this.cell, 0);
    }
  }
}

/** `write` under `lock` when there is one (a connection that is the file's only writer needs none). */
export function underLock<T>(lock: CommitLock | undefined, write: () => T): T {
  return lock ? lock.hold(write) : write();
}
