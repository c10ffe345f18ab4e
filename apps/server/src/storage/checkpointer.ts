// Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold and fsyncs the database file there, which showed up as talk latency spikes.
// A worker thread with its own connection checkpoints passively instead (writers never wait for it);
// the main connection keeps a high automatic threshold as a backstop if the worker falls behind.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "@parley/core";
import type { Db } from "./database.js";

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.library);
const db = new Database(workerData.file);
setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), workerData.intervalMs);
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Every 50 ms: when the main connection's backstop threshold is crossed, the commit that crosses it
 * copies whatever the worker has not copied yet and fsyncs. At 250 ms that was up to a quarter
 * second of alice2 traffic (commit p99 12-14 ms, max 25 ms); at 50 ms, commit p99 is 6-8 ms.
 */
export function startCheckpointer(db: Db, logger: Logger, intervalMs = 50): Checkpointer {
  db.pragma("wal_autocheckpoint = 4000");
  const library = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { library, file: db.name, intervalMs },
  });
  worker.unref();
  worker.on("error", (error) => {
    // The backstop threshold keeps the WAL bounded without the worker.
    logger.warn(
      { err: error },
      "WAL checkpoint worker stopped; falling back to SQLite's automatic checkpoints",
    );
    db.pragma("wal_autocheckpoint = 1000");
  });
  return {
    async stop() {
      await worker.terminate();
    },
  };
}
