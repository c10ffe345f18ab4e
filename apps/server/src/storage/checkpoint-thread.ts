// Entry point of the WAL checkpoint thread (see checkpointer.ts).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { CheckpointData } from "./checkpointer.js";
import { CommitLock } from "./commit-lock.js";

const data = workerData as CheckpointData;
const db = new Database(data.file, { fileMustExist: true });
const lock = new CommitLock(data.commitLock);

interface CheckpointResult {
  busy: number;
  /** Frames in the WAL. */
  log: number;
  /** Frames of it copied into the database file. */
  checkpointed: number;
}

const checkpoint = () => (db.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[])[0];

setInterval(() => {
  // Copies what was committed since the last pass and fsyncs the database file; writers go on.
  const pass = checkpoint();
  if (!pass || pass.log < data.restartFrames) return;
  // SQLite starts the WAL over only when a write begins on a fully copied WAL, which never happens
  // while commits keep coming faster than passes. So, now and then, copy the last few frames with
  // the writers held off (about a millisecond): the next commit then starts the WAL over, before
  // any connection's own backstop checkpoint would fsync inside a commit. A second pass first copies
  // what was committed during the first, so the one under the lock has only a few frames to copy.
  checkpoint();
  lock.hold(checkpoint);
}, data.intervalMs);
parentPort?.postMessage("ready");
