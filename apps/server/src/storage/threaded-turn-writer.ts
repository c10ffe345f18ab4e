// Group commit on a thread of its own: the turns answered in one event-loop turn go to the writer
// thread as one batch (on a busy server, those answered within `windowMs`), and each caller's
// promise resolves once its turn is committed, so a reply still leaves only after the client's new
// state is on disk.
import type { Worker } from "node:worker_threads";
import type { Logger } from "@parley/core";
import { restartFailed, workerWithEntry } from "../threads/worker-entry.js";
import { deserializeError } from "../turns/turn-messages.js";
import type { CommitLock } from "./commit-lock.js";
import { CommitWindow } from "./commit-window.js";
import type { TurnRecord } from "./conversation-store.js";
import type { TurnWrites } from "./turn-writer.js";
import type { CommitBatch, FromWriter, ToWriter } from "./writer-messages.js";

interface Pending {
  turn: TurnRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface ThreadedTurnWriterOptions {
  file: string;
  lock: CommitLock;
  logger: Logger;
  /**
   * On a busy server, how long the turns answered wait to share a batch (see CommitWindow); 0: each
   * event-loop turn's turns go at once. Default COMMIT_WINDOW_MS.
   */
  windowMs?: number;
}

/**
 * At 3,000 alice2 req/s, 8 turns per batch instead of 2.5 took 20 µs per request off the HTTP thread
 * and 20 off the writer thread (the messages and wake-ups between them), 12 % of the server's CPU,
 * for 1.2 ms more at p50 (seven alternating pairs of runs, 2026-12-06).
 */
export const COMMIT_WINDOW_MS = 2;

export class ThreadedTurnWriter implements TurnWrites {
  private worker: Worker | undefined;
  private queue: Pending[] = [];
  private readonly inFlight = new Map<number, Pending[]>();
  private nextId = 1;
  private closing = false;
  private restarting = false;
  private readonly window: CommitWindow;

  private constructor(private readonly options: ThreadedTurnWriterOptions) {
    this.window = new CommitWindow(options.windowMs ?? COMMIT_WINDOW_MS);
  }

  static async start(options: ThreadedTurnWriterOptions): Promise<ThreadedTurnWriter> {
    const writer = new ThreadedTurnWriter(options);
    await writer.startThread();
    return writer;
  }

  write(turn: TurnRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closing) {
        reject(new Error("the SQLite writer is closing"));
        return;
      }
      this.queue.push({ turn, resolve, reject });
      if (!this.worker && !this.restarting) this.restart();
      this.window.schedule(() => this.flush());
    });
  }

  /** Commits what was accepted, then stops the thread. */
  async close(): Promise<void> {
    // A replacement being started commits what waits for it before the close.
    while (this.restarting) await new Promise((resolve) => setTimeout(resolve, 1));
    this.flush();
    this.closing = true;
    const worker = this.worker;
    if (!worker) {
      this.failQueued(new Error("the SQLite writer thread stopped before committing"));
      return;
    }
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    while (this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    this.post({ type: "close" });
    await exited;
  }

  private flush(): void {
    // Turns wait in the queue while the thread (re)starts.
    if (this.queue.length === 0 || !this.worker) return;
    const batch = this.queue;
    this.queue = [];
    this.window.flushed();
    const id = this.nextId++;
    this.inFlight.set(id, batch);
    const commit: CommitBatch = { id, turns: batch.map((pending) => pending.turn) };
    this.post(JSON.stringify(commit));
  }

  private post(message: ToWriter): void {
    this.worker?.postMessage(message);
  }

  /**
   * Starts a new thread after one died. If that fails too, the turns waiting for it fail (500)
   * rather than wait for ever, and the next write tries again.
   */
  private restart(): void {
    this.restarting = true;
    this.startThread().then(
      () => {
        this.restarting = false;
      },
      (error: unknown) => {
        this.restarting = false;
        this.options.logger.error({ err: error }, "could not restart the SQLite writer thread");
        this.failQueued(restartFailed("the SQLite writer thread", error));
      },
    );
  }

  private failQueued(error: Error): void {
    const waiting = this.queue;
    this.queue = [];
    for (const pending of waiting) pending.reject(error);
  }

  private startThread(): Promise<void> {
    const { lock, file, logger } = this.options;
    const worker = workerWithEntry("storage/writer-thread.js", {
      workerData: { file, commitLock: lock.buffer },
      name: "parley-sqlite-writer",
    });
    // Registered before the exit handler below, so the lock is free before a replacement starts.
    lock.freeWhenExits(worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (message: FromWriter) => {
        if (message.type === "ready") {
          ready = true;
          this.worker = worker;
          resolve();
          this.flush();
          return;
        }
        const error = message.type === "failed" ? deserializeError(message.error) : undefined;
        for (const id of message.ids) {
          const batch = this.inFlight.get(id) ?? [];
          this.inFlight.delete(id);
          for (const pending of batch) {
            if (error) pending.reject(error);
            else pending.resolve();
          }
        }
      });
      worker.on("error", (error) => {
        if (!ready) reject(error);
        else logger.error({ err: error }, "SQLite writer thread failed");
      });
      worker.on("exit", (code) => {
        this.worker = undefined;
        if (!ready) reject(new Error(`the SQLite writer thread exited during start-up (code ${code})`));
        // What was sent and not confirmed may or may not be on disk: those requests fail (500).
        const lost = new Error(`the SQLite writer thread stopped (exit code ${code}) before committing`);
        for (const batch of this.inFlight.values()) for (const pending of batch) pending.reject(lost);
        this.inFlight.clear();
        if (ready && !this.closing) {
          logger.error({ code }, "SQLite writer thread stopped unexpectedly; starting a new one");
          this.restart();
        }
      });
    });
  }
}
