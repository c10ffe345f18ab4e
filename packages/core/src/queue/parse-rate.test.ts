import { expect, it } from "vitest";
import { parseRate } from "./rate.js";

it("reads calls per period as written in config", () => {
  expect(parseRate("10/1s")).toEqual({ limit: 10, intervalMs: 1_000 });
  expect(parseRate("600/1m")).toEqual({ limit: 600, intervalMs: 60_000 });
  expect(parseRate("5/s")).toEqual({ limit: 5, intervalMs: 1_000 });
  expect(parseRate(" 100 / 500ms ")).toEqual({ limit: 100, intervalMs: 500 });
  expect(parseRate("10000/1d")).toEqual({ limit: 10_000, intervalMs: 86_400_000 });
});

it("names the bad value and the expected shape", () => {
  for (const bad of ["", "10", "0/1s", "10/0s", "ten/1s", "10/1w", "-1/1s"]) {
    expect(() => parseRate(bad)).toThrow(/Invalid rate .*expected calls\/period/);
  }
});
