// Typed errors of the talk path. Backends throw TalkApiError / TalkNetworkError; the queue decides
// from them whether to retry, and surfaces TalkFailedError once it gives up.
import { ParleyError } from "../errors/index.js";

/**
 * The talk API answered with an error status. Backends throw this so the queue can retry the
 * transient ones (429, 5xx) and give up at once on the rest (400 bad input, 401 bad key, 412...).
 * Never put credentials (user_key, botkey, tokens) in `message`.
 */
export class TalkApiError extends ParleyError {
  readonly status: number;
  /** Parsed from Retry-After (seconds or HTTP date) by the backend, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;

  constructor(
    message: string,
    options: { status: number; retryAfterMs?: number; retryable?: boolean; cause?: unknown; hint?: string },
  ) {
    super("TALK_API_ERROR", message, { cause: options.cause, hint: options.hint });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? (options.status === 429 || options.status >= 500);
  }
}

/** The talk API could not be reached (connection refused/reset, DNS failure). Always retryable. */
export class TalkNetworkError extends ParleyError {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super("TALK_NETWORK_ERROR", message, options);
  }
}

/** One attempt took longer than the queue's `timeoutMs`; its AbortSignal was aborted. */
export class TalkTimeoutError extends ParleyError {
  readonly retryable = true;
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super("TALK_TIMEOUT", `Talk call timed out after ${timeoutMs} ms`, {
      hint: "Raise the talk queue's timeoutMs if the bot is slow to answer.",
    });
    this.timeoutMs = timeoutMs;
  }
}

/** The queue gave up: a non-retryable error, or retries exhausted. `cause` holds the last error. */
export class TalkFailedError extends ParleyError {
  readonly attempts: number;
  constructor(attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("TALK_FAILED", `Talk call failed after ${attempts} attempt(s): ${reason}`, { cause });
    this.attempts = attempts;
  }
}

/** The backlog is at `maxBacklog`; the caller should answer with a "busy" reply. */
export class QueueFullError extends ParleyError {
  readonly maxBacklog: number;
  constructor(maxBacklog: number) {
    super("QUEUE_FULL", `Talk queue is full (${maxBacklog} messages waiting)`, {
      hint: "Raise maxBacklog, or the talk API plan's rate if the backlog stays full.",
    });
    this.maxBacklog = maxBacklog;
  }
}

/** `submit` after `close()`. */
export class QueueClosedError extends ParleyError {
  constructor() {
    super(
      "QUEUE_CLOSED",
      "Talk queue is closed; it no longer accepts messages (the process is shutting down)",
    );
  }
}
