// Entry point of the SQLite writer thread: it commits the turns the HTTP thread answered, so their
// writes (tens of µs of system calls each on a VM) leave the thread that parses requests and answers.
// Batches that arrive while a commit runs are committed together in the next one.
import { parentPort, workerData } from "node:worker_threads";
import { serializeError } from "../turns/turn-messages.js";
import { CommitLock } from "./commit-lock.js";
import { ConversationStore } from "./conversation-store.js";
import { openWorkerConnection } from "./database.js";
import type { CommitBatch, FromWriter, ToWriter, WriterData } from "./writer-messages.js";

const port = parentPort;
if (!port) throw new Error("writer-thread.js runs as a worker thread of the Parley server");
const data = workerData as WriterData;
const db = openWorkerConnection(data.file);
const store = new ConversationStore(db);
const lock = new CommitLock(data.commitLock);
const post = (message: FromWriter) => port.postMessage(message);

let queued: CommitBatch[] = [];
let scheduled = false;

function commit(): void {
  scheduled = false;
  const batches = queued;
  queued = [];
  if (batches.length === 0) return;
  const ids = batches.map((batch) => batch.id);
  try {
    lock.hold(() => store.recordTurns(batches.flatMap((batch) => batch.turns)));
    post({ type: "committed", ids });
  } catch (error) {
    post({ type: "failed", ids, error: serializeError(error) });
  }
}

port.on("message", (message: ToWriter) => {
  if (typeof message === "string") {
    queued.push(JSON.parse(message) as CommitBatch);
    if (!scheduled) {
      scheduled = true;
      setImmediate(commit);
    }
    return;
  }
  commit();
  db.close();
  port.close();
});
post({ type: "ready" });
