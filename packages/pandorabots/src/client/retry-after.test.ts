import { expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.js";

it("reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read", () => {
  const now = Date.parse("Sun, 22 Nov 2026 05:00:00 GMT");
  expect(parseRetryAfter("120", now)).toBe(120_000);
  expect(parseRetryAfter("0.5", now)).toBe(500);
  expect(parseRetryAfter("Sun, 22 Nov 2026 05:00:30 GMT", now)).toBe(30_000);
  expect(parseRetryAfter("Sun, 22 Nov 2026 04:59:00 GMT", now)).toBe(0);
  expect(parseRetryAfter("soon", now)).toBeUndefined();
  expect(parseRetryAfter(null, now)).toBeUndefined();
  expect(parseRetryAfter("", now)).toBeUndefined();
});
