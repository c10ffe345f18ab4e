// 429 from the Web API: wait the Retry-After Slack asked for, then send the same call again.
import type { Logger } from "@parley/core";
import { SlackSendError } from "../errors.js";

export interface RateLimitOptions {
  /** Give up after this many 429s in a row for one call. */
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
}

export async function withRateLimitRetry<T>(
  label: string,
  call: () => Promise<T>,
  opts: RateLimitOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      const retryAfter = rateLimitedFor(err);
      if (retryAfter === undefined) throw err;
      if (attempt >= opts.maxRetries) {
        throw new SlackSendError(`${label}: still rate limited after ${attempt + 1} tries`, { cause: err });
      }
      opts.logger.warn(
        { call: label, retryAfterSeconds: retryAfter },
        "Slack rate limit: waiting Retry-After",
      );
      await opts.sleep(retryAfter * 1000);
    }
  }
}

/** Seconds to wait when `err` is @slack/web-api's rate-limited error, else undefined. */
function rateLimitedFor(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; retryAfter?: unknown };
  if (e.code !== "slack_webapi_rate_limited_error") return undefined;
  return typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 1;
}
