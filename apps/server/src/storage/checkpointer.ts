// Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold and fsyncs the database file there, which showed up as talk latency spikes.
// A thread with its own connection checkpoints instead; the writing connections keep a high automatic
// threshold as a backstop if that thread falls behind.
import type { Logger } from "@parley/core";
import { workerWithEntry } from "../threads/worker-entry.js";
import type { CommitLock } from "./commit-lock.js";
import { BACKSTOP_CHECKPOINT_FRAMES, type Db } from "./database.js";

export interface CheckpointData {
  file: string;
  intervalMs: number;
  /** WAL size (in frames) from which a pass makes sure the WAL starts over. */
  restartFrames: number;
  /** The lock every writing connection takes around its commits. */
  commitLock: SharedArrayBuffer;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * A pass every 250 ms, and the WAL started over from 8,000 frames (32 MB). Measured at 3,000 alice2
 * req/s, the WAL grows by about 10,000 frames a second. Without the restart, every 400 ms a commit
 * crossed the backstop threshold (then 4,000 frames) and ran a checkpoint with an fsync: 5-22 ms
 * each. The restart holds the writers off for 0.1-7 ms (mostly its fsync); from 1,000 frames it did
 * so ten times a second, from 8,000 about once.
 */
export async function startCheckpointer(
  db: Db,
  logger: Logger,
  lock: CommitLock,
  options: { intervalMs?: number; restartFrames?: number } = {},
): Promise<Checkpointer> {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_FRAMES}`);
  const data: CheckpointData = {
    file: db.name,
    intervalMs: options.intervalMs ?? 250,
    restartFrames: options.restartFrames ?? 8000,
    commitLock: lock.buffer,
  };
  const worker = workerWithEntry("storage/checkpoint-thread.js", {
    workerData: data,
    name: "parley-checkpoint",
  });
  worker.unref();
  lock.freeWhenExits(worker);
  // Resolves once the thread has its connection (or has failed: the backstop then takes over).
  const started = new Promise<void>((resolve) => {
    worker.once("message", () => resolve());
    worker.once("exit", () => resolve());
  });
  worker.on("error", (error) => {
    // The backstop threshold keeps the WAL bounded without the thread.
    logger.warn(
      { err: error },
      "WAL checkpoint thread stopped; falling back to SQLite's automatic checkpoints",
    );
    db.pragma("wal_autocheckpoint = 1000");
  });
  await started;
  return {
    async stop() {
      // Resolves once "exit" has been emitted, so the lock is free by then.
      await worker.terminate();
    },
  };
}
