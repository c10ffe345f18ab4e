import { describe, expect, it } from "vitest";
import { backoffDelay, type RetryOptions } from "./retry-policy.js";

const opts: RetryOptions = { retries: 5, baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 30_000 };
// The extremes Math.random can return: 0 and just under 1.
const lowest = () => 0;
const highest = () => 1 - Number.EPSILON;
const middle = () => 0.5;

describe("backoff delay", () => {
  it("stays between half and all of the step, which doubles with each retry", () => {
    const steps = [200, 400, 800];
    for (const [i, step] of steps.entries()) {
      expect(backoffDelay(i + 1, opts, undefined, lowest)).toBe(step / 2);
      expect(backoffDelay(i + 1, opts, undefined, middle)).toBe((step * 3) / 4);
      const top = backoffDelay(i + 1, opts, undefined, highest);
      expect(top).toBeLessThan(step);
      expect(top).toBeCloseTo(step, 6);
    }
  });

  it("never grows past maxDelayMs, however many retries", () => {
    for (const retry of [4, 5, 10, 40]) {
      expect(backoffDelay(retry, opts, undefined, lowest)).toBe(500);
      expect(backoffDelay(retry, opts, undefined, highest)).toBeLessThan(1_000);
      expect(backoffDelay(retry, opts, undefined, highest)).toBeGreaterThan(999);
    }
  });

  it("spreads callers failing together over the whole jitter range", () => {
    const values = [0, 0.25, 0.5, 0.75].map((r) => backoffDelay(2, opts, undefined, () => r));
    expect(values).toEqual([200, 250, 300, 350]);
  });

  it("waits at least the server's Retry-After, even when the jitter would be shorter", () => {
    expect(backoffDelay(1, opts, 2_000, lowest)).toBe(2_000);
    expect(backoffDelay(1, opts, 2_000, highest)).toBe(2_000);
    expect(backoffDelay(10, opts, 2_000, highest)).toBe(2_000);
  });

  it("keeps the jittered backoff when it is longer than a short Retry-After", () => {
    expect(backoffDelay(3, opts, 100, lowest)).toBe(400);
    expect(backoffDelay(3, opts, 100, middle)).toBe(600);
    expect(backoffDelay(3, opts, 0, lowest)).toBe(400);
  });
});
