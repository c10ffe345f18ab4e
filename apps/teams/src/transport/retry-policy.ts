// When a Bot Connector failure is worth another try, and how long to wait first.

export interface RetryOptions {
  /** Further attempts after the first one fails with 429, 5xx or a network error. Default 4. */
  maxRetries: number;
  /** First backoff; doubles each attempt. Default 1 s. */
  baseDelayMs: number;
  /** Longest wait between attempts, Retry-After included. Default 30 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 };

// Socket errors as Node names them; REQUEST_SEND_ERROR is Azure core's name for a connection cut mid-request.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "REQUEST_SEND_ERROR",
]);

export interface ConnectorFailure {
  status: number | undefined;
  retryable: boolean;
  retryAfterMs: number | undefined;
}

/** Reads what the connector client threw (an Azure core RestError, or a network error). */
export function describeFailure(err: unknown): ConnectorFailure {
  const e = err as {
    statusCode?: unknown;
    code?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const status = typeof e?.statusCode === "number" ? e.statusCode : undefined;
  const retryAfterMs = parseRetryAfter(e?.response?.headers?.get?.("retry-after"));
  if (status !== undefined) {
    return { status, retryable: status === 429 || (status >= 500 && status !== 501), retryAfterMs };
  }
  const code = typeof e?.code === "string" ? e.code : undefined;
  return { status, retryable: code !== undefined && NETWORK_CODES.has(code), retryAfterMs };
}

export function backoffMs(attempt: number, failure: ConnectorFailure, options: RetryOptions): number {
  const exponential = options.baseDelayMs * 2 ** attempt;
  return Math.min(failure.retryAfterMs ?? exponential, options.maxDelayMs);
}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
