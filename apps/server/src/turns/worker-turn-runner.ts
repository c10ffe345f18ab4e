// Runs turns on a few worker threads, so the interpreter and the SQLite writes leave the HTTP thread
// and use the machine's other cores. A client's turns always go to the same worker (by a hash of its
// key), which keeps them in order and lets that worker cache the client's state.
import type { Worker } from "node:worker_threads";
import type { Logger } from "@parley/core";
import type { VerifyOutcome } from "../runtime/bot-registry.js";
import { keyHash } from "../runtime/key-hash.js";
import type { CommitLock } from "../storage/commit-lock.js";
import { restartFailed, workerWithEntry } from "../threads/worker-entry.js";
import { Outbox } from "./outbox.js";
import { clientKey, type TurnRequest, type TurnResult, type TurnRunner } from "./turn.js";
import { deserializeError, type FromWorker, type ToWorker, type TurnWorkerData } from "./turn-messages.js";

export interface WorkerTurnRunnerOptions extends Omit<TurnWorkerData, "commitLock"> {
  workers: number;
  logger: Logger;
  /** Shared with the HTTP thread's own writes. */
  commitLock: CommitLock;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

class WorkerSlot {
  private worker!: Worker;
  private outbox!: Outbox<ToWorker>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private running = false;
  /** A replacement thread starting; calls made meanwhile wait for it. */
  private starting: Promise<void> | undefined;

  constructor(
    private readonly index: number,
    private readonly options: WorkerTurnRunnerOptions,
    private readonly commitLock: CommitLock,
  ) {}

  /** Starts the thread; resolves once it has its engine and database connection. */
  start(): Promise<void> {
    const data: TurnWorkerData = {
      file: this.options.file,
      stateCacheSize: this.options.stateCacheSize,
      commitLock: this.commitLock.buffer,
    };
    const worker = workerWithEntry("turns/turn-worker.js", {
      workerData: data,
      name: `parley-talk-${this.index}`,
    });
    this.worker = worker;
    // Registered before the exit handler below, so the lock is free before a replacement starts.
    this.commitLock.freeWhenExits(worker);
    this.outbox = new Outbox((batch) => worker.postMessage(batch));
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (batch: FromWorker[]) => {
        for (const message of batch) {
          if (message.type === "ready") {
            ready = true;
            this.running = true;
            resolve();
          } else this.receive(message);
        }
      });
      worker.on("error", (error) => {
        if (!ready) reject(error);
        else this.options.logger.error({ worker: this.index, err: error }, "talk worker failed");
      });
      worker.on("exit", (code) => {
        this.running = false;
        if (!ready) reject(new Error(`talk worker ${this.index} exited during start-up (code ${code})`));
        this.failPending(`the talk worker stopped (exit code ${code}) before answering`);
        if (ready && !this.closing) {
          this.options.logger.error(
            { worker: this.index },
            "talk worker stopped unexpectedly; starting a new one",
          );
          this.restart().catch(() => {});
        }
      });
    });
  }

  call(message: DistributiveOmit<ToWorker, "id">): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const post = () => {
        this.pending.set(id, { resolve, reject });
        this.outbox.push({ ...message, id } as ToWorker);
      };
      if (this.running) post();
      else if (this.closing) reject(new Error("the talk worker is stopping: the server is closing"));
      else {
        // Its thread died: wait for the replacement, or start one if the last attempt failed, so a
        // failed restart costs the turns of that attempt and not every turn until the server restarts.
        (this.starting ?? this.restart()).then(
          () => (this.running ? post() : reject(new Error("the talk worker stopped while starting"))),
          (error: unknown) => reject(restartFailed("the talk worker", error)),
        );
      }
    });
  }

  send(message: ToWorker): void {
    if (this.running) this.outbox.push(message);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.starting?.catch(() => {});
    if (!this.running) return;
    const exited = new Promise((resolve) => this.worker.once("exit", resolve));
    try {
      // The worker answers once its accepted turns are committed and its connection is closed.
      await this.call({ type: "close" });
    } finally {
      await this.worker.terminate();
      await exited;
    }
  }

  private receive(message: Exclude<FromWorker, { type: "ready" }>): void {
    if (message.type === "log") {
      this.options.logger[message.level]({ worker: this.index, ...message.obj }, message.msg);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === "done") pending.resolve(message.value);
    else pending.reject(deserializeError(message.error));
  }

  private failPending(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  /** One attempt at a replacement thread, shared by every call that arrives while it starts. */
  private restart(): Promise<void> {
    const attempt = this.start();
    this.starting = attempt;
    attempt
      .catch((error: unknown) =>
        this.options.logger.error({ worker: this.index, err: error }, "could not restart the talk worker"),
      )
      .finally(() => {
        if (this.starting === attempt) this.starting = undefined;
      });
    return attempt;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class WorkerTurnRunner implements TurnRunner {
  private constructor(private readonly slots: WorkerSlot[]) {}

  static async start(options: WorkerTurnRunnerOptions): Promise<WorkerTurnRunner> {
    const { commitLock } = options;
    const slots = Array.from(
      { length: options.workers },
      (_, index) => new WorkerSlot(index, options, commitLock),
    );
    const started = await Promise.allSettled(slots.map((slot) => slot.start()));
    const failure = started.find((outcome) => outcome.status === "rejected");
    if (failure) {
      await Promise.allSettled(slots.map((slot) => slot.close()));
      throw new Error(`Could not start the talk workers: ${String(failure.reason)}`);
    }
    return new WorkerTurnRunner(slots);
  }

  run(turn: TurnRequest): Promise<TurnResult> {
    return this.slotFor(clientKey(turn)).call({ type: "run", turn }) as Promise<TurnResult>;
  }

  /** One worker compiles (bots spread over the workers by id); the others load the new version. */
  async verify(botId: number): Promise<VerifyOutcome> {
    const slot = this.slots[botId % this.slots.length] as WorkerSlot;
    const outcome = (await slot.call({ type: "verify", botId })) as VerifyOutcome;
    if (outcome.versionId !== undefined) this.preload(botId, outcome.versionId);
    return outcome;
  }

  preload(botId: number, versionId: number): void {
    for (const slot of this.slots) slot.send({ type: "preload", botId, versionId });
  }

  forget(botId: number): void {
    for (const slot of this.slots) slot.send({ type: "forget", botId });
  }

  /** Every worker compiles every bot (in parallel); the figure is the smallest count loaded. */
  async warm(versions: Array<{ botId: number; versionId: number }>): Promise<number> {
    const counts = await Promise.all(this.slots.map((slot) => slot.call({ type: "warm", versions })));
    return Math.min(...(counts as number[]));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.close()));
  }

  private slotFor(key: string): WorkerSlot {
    return this.slots[keyHash(key) % this.slots.length] as WorkerSlot;
  }
}
