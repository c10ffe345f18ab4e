import { expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.js";

it("reads Retry-After as seconds or as an HTTP date", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  expect(parseRetryAfter("3", now)).toBe(3_000);
  expect(parseRetryAfter("0.5", now)).toBe(500);
  expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
  expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  expect(parseRetryAfter(null, now)).toBeUndefined();
  expect(parseRetryAfter("soon", now)).toBeUndefined();
});
