import { describe, expect, it } from "vitest";
import { backoffMs, DEFAULT_RETRY, describeFailure, parseRetryAfter } from "./retry-policy.js";

const restError = (statusCode: number, retryAfter?: string) => ({
  statusCode,
  response: { headers: { get: (name: string) => (name === "retry-after" ? retryAfter : undefined) } },
});

describe("which Bot Connector failures are retried, and after how long", () => {
  it("retries 429 and 5xx (not 501), honouring Retry-After; other 4xx are final", () => {
    expect(describeFailure(restError(429, "3"))).toEqual({
      status: 429,
      retryable: true,
      retryAfterMs: 3000,
    });
    expect(describeFailure(restError(502)).retryable).toBe(true);
    expect(describeFailure(restError(501)).retryable).toBe(false);
    expect(describeFailure(restError(403)).retryable).toBe(false);
  });

  it("retries a connection that failed, not a bug", () => {
    expect(describeFailure(Object.assign(new Error("refused"), { code: "ECONNREFUSED" })).retryable).toBe(
      true,
    );
    expect(describeFailure(new TypeError("x is undefined")).retryable).toBe(false);
  });

  it("backs off exponentially up to the cap; Retry-After wins but is capped too", () => {
    const plain = { status: 500, retryable: true, retryAfterMs: undefined };
    expect([0, 1, 2, 10].map((n) => backoffMs(n, plain, DEFAULT_RETRY))).toEqual([1000, 2000, 4000, 30_000]);
    expect(backoffMs(0, { ...plain, retryAfterMs: 120_000 }, DEFAULT_RETRY)).toBe(30_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("0")).toBe(0);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
