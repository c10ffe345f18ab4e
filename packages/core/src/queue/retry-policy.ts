// Which failures are worth another attempt, and how long to wait before it.
import { TalkApiError, TalkNetworkError, TalkTimeoutError } from "./errors.js";

export interface RetryOptions {
  /** Retries after the first attempt (so `retries: 3` means up to 4 calls). */
  retries: number;
  /** First backoff step; doubles with each retry. */
  baseDelayMs: number;
  /** Cap of one backoff step (before jitter). */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails for good instead. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  retries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

// Error codes Node (net, dns, undici) uses for a talk API that cannot be reached.
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

function errorCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") {
    return err.code;
  }
  return undefined;
}

/** Retryable: 429, 5xx, timeouts, and network errors (also a raw `fetch failed` with a network cause). */
export function isRetryable(err: unknown): boolean {
  if (err instanceof TalkApiError) return err.retryable;
  if (err instanceof TalkNetworkError || err instanceof TalkTimeoutError) return true;
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = errorCode(e);
    if (code && networkCodes.has(code)) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

export function retryAfterOf(err: unknown): number | undefined {
  return err instanceof TalkApiError ? err.retryAfterMs : undefined;
}

/**
 * Delay before retry number `retry` (1-based): exponential backoff with "equal jitter" (between half
 * and all of the step), so that many callers failing together do not retry together, while every
 * wait still grows; never shorter than the server's Retry-After.
 */
export function backoffDelay(retry: number, opts: RetryOptions, retryAfterMs?: number, random = Math.random) {
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (retry - 1));
  const jittered = step / 2 + random() * (step / 2);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}
