// Small zod building blocks that accept both file values (numbers) and env values (strings),
// each failing with one plain sentence.
import { z } from "zod";

/** Reads "42" as 42; leaves anything else for the number check to reject. */
function numeric(value: unknown): unknown {
  return typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

export function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(numeric, z.number({ error: message }).int(message).min(min, message).max(max, message));
}

export function text() {
  return z.string({ error: "must be text" }).trim().min(1, "must not be empty");
}

/** An http(s) URL without a trailing slash; a bare host name gets https://. */
export function baseUrl() {
  return text()
    .transform((value) => (/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`))
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.example.com" }))
    .transform((value) => value.replace(/\/+$/, ""));
}

export interface Rate {
  limit: number;
  intervalMs: number;
}

const RATE_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE_MESSAGE = 'must be calls/period such as "10/1s", "600/1m" or "5/s" (units ms, s, m, h, d)';

/** "10/1s" -> { limit: 10, intervalMs: 1000 }. */
export function rate() {
  return text().transform((value, ctx): Rate => {
    const match = /^(\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value);
    const limit = Number(match?.[1]);
    const amount = match?.[2] ? Number(match[2]) : 1;
    const intervalMs = amount * (RATE_UNITS[match?.[3] ?? ""] ?? Number.NaN);
    if (!match || !(limit >= 1) || !(intervalMs >= 1)) {
      ctx.addIssue({ code: "custom", message: RATE_MESSAGE });
      return z.NEVER;
    }
    return { limit, intervalMs };
  });
}
