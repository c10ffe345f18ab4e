// Entry point of a talk worker thread: its own SQLite connection, compiled bots and client states.
// The main thread routes every turn of a client to the same worker, so the state cache and the
// per-client lock here see all of that client's turns.
import { parentPort, workerData } from "node:worker_threads";
import { type Logger, SerialLanes, sinkLogger } from "@parley/core";
import { loadAimlEngine } from "../engine/load-engine.js";
import { BotRegistry } from "../runtime/bot-registry.js";
import { StateCache } from "../runtime/state-cache.js";
import { BotStore } from "../storage/bot-store.js";
import { CommitLock } from "../storage/commit-lock.js";
import { ConversationStore } from "../storage/conversation-store.js";
import { openWorkerConnection } from "../storage/database.js";
import { TurnWriter } from "../storage/turn-writer.js";
import { LocalTurnRunner } from "./local-turn-runner.js";
import { Outbox } from "./outbox.js";
import { type FromWorker, serializeError, type ToWorker, type TurnWorkerData } from "./turn-messages.js";

const port = parentPort;
if (!port) throw new Error("turn-worker.js runs as a worker thread of the Parley server");
const outbox = new Outbox<FromWorker>((batch) => port.postMessage(batch));
const post = (message: FromWorker) => outbox.push(message);

/** Log lines go to the main thread's logger, which owns redaction and the output stream. */
const forwardingLogger = (): Logger =>
  sinkLogger((level, obj, msg) => post({ type: "log", level, obj, msg }));

const data = workerData as TurnWorkerData;
const logger = forwardingLogger();
const db = openWorkerConnection(data.file);
// Bot rows change under this thread (verify, delete on the main thread): never cache them here.
const bots = new BotStore(db, { cacheRows: false });
const conversations = new ConversationStore(db);
const registry = new BotRegistry(await loadAimlEngine(), bots, logger, Date.now);
const writer = new TurnWriter(conversations, new CommitLock(data.commitLock), 1);
const runner = new LocalTurnRunner({
  registry,
  bots,
  conversations,
  writer,
  states: new StateCache(data.stateCacheSize),
  lanes: new SerialLanes(),
  logger,
});

async function answer(id: number, work: () => unknown): Promise<void> {
  try {
    post({ type: "done", id, value: await work() });
  } catch (error) {
    post({ type: "failed", id, error: serializeError(error) });
  }
}

port.on("message", (batch: ToWorker[]) => {
  for (const message of batch) receive(message);
});

function receive(message: ToWorker): void {
  switch (message.type) {
    case "run":
      void answer(message.id, () => runner.run(message.turn));
      return;
    case "verify":
      void answer(message.id, () => runner.verify(message.botId));
      return;
    case "warm":
      void answer(message.id, () => runner.warm(message.versions));
      return;
    case "preload":
      runner.preload(message.botId, message.versionId);
      return;
    case "forget":
      runner.forget(message.botId);
      return;
    case "close":
      void answer(message.id, async () => {
        await runner.close();
        writer.flush();
        db.close();
        return null;
      });
      return;
  }
}
post({ type: "ready" });
