// The one talk queue of a process, shared by every channel: global concurrency and rate limit on
// talk-API calls, strict FIFO per lane (one lane per interlocutor), bounded retries, per-call timeout
// and a bounded backlog.
import PQueue from "p-queue";
import type { Logger } from "../types/index.js";
import { QueueClosedError, QueueFullError, TalkFailedError, TalkTimeoutError } from "./errors.js";
import type { TalkQueueMetrics } from "./metrics.js";
import { parseRate, type Rate } from "./rate.js";
import {
  backoffDelay,
  defaultRetryOptions,
  isRetryable,
  type RetryOptions,
  retryAfterOf,
} from "./retry-policy.js";

export interface TalkQueueOptions {
  /** Talk calls in flight at once, across every channel. Default 8. */
  concurrency?: number;
  /** Talk calls allowed per interval (the API plan), e.g. `{ limit: 10, intervalMs: 1000 }` or `"10/1s"`. Default: unlimited. */
  rate?: Rate | string;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Finer backoff settings; `retries` above wins over `retry.retries`. */
  retry?: Partial<RetryOptions>;
  /** Limit of one talk call; its AbortSignal is aborted then. Default 15 s. */
  timeoutMs?: number;
  /** Messages accepted and not yet finished beyond which `submit` refuses with QueueFullError. Default 1000. */
  maxBacklog?: number;
  logger?: Logger;
  metrics?: TalkQueueMetrics;
}

export interface TalkContext {
  /** Aborted when the attempt times out. */
  signal: AbortSignal;
  /** 1 for the first call, 2 for the first retry... */
  attempt: number;
}

export type TalkTask<T> = (ctx: TalkContext) => Promise<T>;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: TalkFailedError };

export interface SubmitOptions<T> {
  /**
   * Runs once the call succeeded or failed for good, outside the concurrency slot but still holding
   * the lane, so that replies to one person are delivered in order too. Must not throw.
   */
  deliver?: (outcome: Settled<T>) => Promise<void>;
  /** Names the work in log lines (e.g. the interlocutor id); never a secret. */
  label?: string;
}

interface Job {
  task: TalkTask<unknown>;
  options: SubmitOptions<unknown> | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TalkQueue {
  readonly maxBacklog: number;
  readonly timeoutMs: number;
  readonly #retry: RetryOptions;
  readonly #pq: PQueue;
  readonly #lanes = new Map<string, Job[]>();
  readonly #logger: Logger | undefined;
  readonly #metrics: TalkQueueMetrics | undefined;
  #backlog = 0;
  #closed = false;
  #idleWaiters: (() => void)[] = [];
  #pausedUntil = 0;
  #resumeTimer: NodeJS.Timeout | undefined;

  constructor(options: TalkQueueOptions = {}) {
    const rate = typeof options.rate === "string" ? parseRate(options.rate) : options.rate;
    this.maxBacklog = options.maxBacklog ?? 1_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.#retry = { ...defaultRetryOptions, ...options.retry };
    if (options.retries !== undefined) this.#retry.retries = options.retries;
    if (!(this.maxBacklog >= 1)) throw new RangeError("TalkQueue maxBacklog must be at least 1");
    if (!(this.#retry.retries >= 0)) throw new RangeError("TalkQueue retries must be 0 or more");
    this.#pq = new PQueue({
      concurrency: options.concurrency ?? 8,
      // Sliding window: never more than `limit` calls in ANY interval, as a plan's limit is enforced.
      ...(rate ? { intervalCap: rate.limit, interval: rate.intervalMs, strict: true } : {}),
    });
    this.#logger = options.logger;
    this.#metrics = options.metrics;
  }

  /** Messages accepted and not yet finished. */
  get backlog(): number {
    return this.#backlog;
  }

  /** Whether `submit` would accept one more message right now. */
  get hasRoom(): boolean {
    return !this.#closed && this.#backlog < this.maxBacklog;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Queues `task` behind earlier work of the same `lane`; resolves with its result (after `deliver`,
   * if given). Rejects with QueueFullError / QueueClosedError when refused, TalkFailedError when
   * the talk API failed for good.
   */
  submit<T>(lane: string, task: TalkTask<T>, options?: SubmitOptions<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new QueueClosedError());
    if (this.#backlog >= this.maxBacklog) {
      this.#metrics?.rejected?.();
      return Promise.reject(new QueueFullError(this.maxBacklog));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        task,
        options: options as SubmitOptions<unknown> | undefined,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.#setBacklog(this.#backlog + 1);
      const waiting = this.#lanes.get(lane);
      if (waiting) {
        waiting.push(job);
      } else {
        this.#lanes.set(lane, [job]);
        void this.#runLane(lane, job);
      }
    });
  }

  /** Resolves once everything accepted so far has finished. */
  onIdle(): Promise<void> {
    if (this.#backlog === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Refuses new work, then waits for everything accepted to finish (retries included). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.onIdle();
    clearTimeout(this.#resumeTimer);
  }

  async #runLane(lane: string, first: Job): Promise<void> {
    const waiting = this.#lanes.get(lane) as Job[];
    for (let job: Job | undefined = first; job; job = waiting[0]) {
      const outcome = await this.#callWithRetries(job);
      if (job.options?.deliver) {
        try {
          await job.options.deliver(outcome);
        } catch (err) {
          this.#logger?.error({ err, label: job.options.label }, "talk queue: deliver step threw");
        }
      }
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
      waiting.shift();
      this.#setBacklog(this.#backlog - 1);
    }
    this.#lanes.delete(lane);
    if (this.#backlog === 0) this.#wakeIdle();
  }

  async #callWithRetries(job: Job): Promise<Settled<unknown>> {
    for (let attempt = 1; ; attempt++) {
      const started = this.#metrics?.attempt ? performance.now() : 0;
      try {
        const value = await this.#pq.add(() => this.#attempt(job.task, attempt));
        this.#metrics?.attempt?.("ok", performance.now() - started);
        return { ok: true, value };
      } catch (err) {
        const retryAfterMs = retryAfterOf(err);
        const giveUp =
          !isRetryable(err) ||
          attempt > this.#retry.retries ||
          (retryAfterMs !== undefined && retryAfterMs > this.#retry.maxRetryAfterMs);
        this.#metrics?.attempt?.(giveUp ? "failed" : "retry", performance.now() - started);
        if (giveUp) return { ok: false, error: new TalkFailedError(attempt, err) };
        if (retryAfterMs !== undefined) this.#pauseAll(retryAfterMs);
        const delayMs = Math.round(backoffDelay(attempt, this.#retry, retryAfterMs));
        this.#logger?.warn(
          { label: job.options?.label, attempt, delayMs, error: describe(err) },
          "talk call failed; retrying",
        );
        await sleep(delayMs);
      }
    }
  }

  #attempt(task: TalkTask<unknown>, attempt: number): Promise<unknown> {
    const controller = new AbortController();
    const running = this.#metrics?.running;
    running?.(this.#pq.pending);
    const settled = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new TalkTimeoutError(this.timeoutMs);
        controller.abort(error);
        reject(error);
      }, this.timeoutMs);
      task({ signal: controller.signal, attempt }).then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    if (!running) return settled;
    // p-queue counts this task as pending until the promise settles: report after it did.
    return settled.finally(() => queueMicrotask(() => running(this.#pq.pending)));
  }

  // A 429 with Retry-After speaks for the whole API key, not one person: hold every call until then.
  #pauseAll(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#pq.pause();
    clearTimeout(this.#resumeTimer);
    this.#resumeTimer = setTimeout(() => this.#pq.start(), ms);
  }

  #setBacklog(size: number): void {
    this.#backlog = size;
    this.#metrics?.backlog?.(size);
  }

  #wakeIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** What a log line may say about a talk error: its kind and status, never a URL or a key. */
export function describe(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  for (const field of ["code", "status", "retryAfterMs", "attempts"] as const) {
    const value = (err as unknown as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  if (err.cause !== undefined) out.cause = describe(err.cause);
  return out;
}
