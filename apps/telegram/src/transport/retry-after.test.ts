import { describe, expect, it } from "vitest";
import { callWithFloodRetry, retryAfterOf } from "./retry-after.js";

const flood = (seconds: number) =>
  Object.assign(new Error("429"), { response: { error_code: 429, parameters: { retry_after: seconds } } });

describe("Telegram flood control", () => {
  it("reads retry_after only from a 429", () => {
    expect(retryAfterOf(flood(7))).toBe(7);
    expect(retryAfterOf({ response: { error_code: 400 } })).toBeUndefined();
    expect(retryAfterOf(new Error("network"))).toBeUndefined();
  });

  it("waits as asked and tries once more", async () => {
    const waited: number[] = [];
    let attempts = 0;
    const result = await callWithFloodRetry(
      async () => {
        attempts++;
        if (attempts === 1) throw flood(3);
        return "sent";
      },
      async (ms) => {
        waited.push(ms);
      },
      60,
    );
    expect([result, attempts, waited]).toEqual(["sent", 2, [3000]]);
  });

  it("fails at once when asked to wait longer than the cap", async () => {
    let attempts = 0;
    const call = callWithFloodRetry(
      async () => {
        attempts++;
        throw flood(600);
      },
      async () => {},
      60,
    );
    await expect(call).rejects.toThrow("429");
    expect(attempts).toBe(1);
  });
});
