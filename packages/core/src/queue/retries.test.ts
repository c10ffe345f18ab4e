import { describe, expect, it } from "vitest";
import {
  QueueClosedError,
  QueueFullError,
  TalkApiError,
  TalkFailedError,
  TalkTimeoutError,
} from "./errors.js";
import { TalkQueue } from "./talk-queue.js";

const fast = { retries: 3, retry: { baseDelayMs: 5, maxDelayMs: 20 } };

describe("retries", () => {
  it("retries a 429 after its Retry-After and delivers the result once", async () => {
    const queue = new TalkQueue(fast);
    let calls = 0;
    let firstEnded = 0;
    let secondStarted = 0;
    const delivered: unknown[] = [];
    const result = await queue.submit(
      "p",
      async () => {
        calls++;
        if (calls === 1) {
          firstEnded = Date.now();
          throw new TalkApiError("over the plan's call limit", { status: 429, retryAfterMs: 1_000 });
        }
        secondStarted = Date.now();
        return "answer";
      },
      { deliver: async (outcome) => void delivered.push(outcome) },
    );
    expect(result).toBe("answer");
    expect(calls).toBe(2);
    expect(delivered).toEqual([{ ok: true, value: "answer" }]);
    // Timers count from the start of the event-loop turn, which a loaded machine can leave well before
    // our clock read: a 10% margin, while a retry ignoring Retry-After comes after ~5-20 ms.
    expect(secondStarted - firstEnded).toBeGreaterThanOrEqual(900);
  });

  it("retries 5xx and network errors, but not a 400", async () => {
    const queue = new TalkQueue(fast);
    let calls = 0;
    const value = await queue.submit("p", async () => {
      calls++;
      if (calls === 1) throw new TalkApiError("bad gateway", { status: 502 });
      if (calls === 2) throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      return calls;
    });
    expect(value).toBe(3);

    let badCalls = 0;
    const failure = await queue
      .submit("p", async () => {
        badCalls++;
        throw new TalkApiError("input too long", { status: 400 });
      })
      .catch((e: unknown) => e);
    expect(badCalls).toBe(1);
    expect(failure).toBeInstanceOf(TalkFailedError);
    expect((failure as TalkFailedError).cause).toBeInstanceOf(TalkApiError);
  });

  it("gives up after the configured retries", async () => {
    const queue = new TalkQueue({ ...fast, retries: 2 });
    let calls = 0;
    const failure = await queue
      .submit("p", async () => {
        calls++;
        throw new TalkApiError("internal error", { status: 500 });
      })
      .catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(failure).toBeInstanceOf(TalkFailedError);
    expect((failure as TalkFailedError).attempts).toBe(3);
    expect((failure as TalkFailedError).code).toBe("TALK_FAILED");
  });

  it("does not wait for a Retry-After longer than allowed", async () => {
    const queue = new TalkQueue({ retries: 3, retry: { maxRetryAfterMs: 1_000 } });
    let calls = 0;
    const failure = await queue
      .submit("p", async () => {
        calls++;
        throw new TalkApiError("over plan", { status: 429, retryAfterMs: 3_600_000 });
      })
      .catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(failure).toBeInstanceOf(TalkFailedError);
  });

  it("aborts a call that exceeds the timeout and retries it", async () => {
    const queue = new TalkQueue({ ...fast, timeoutMs: 30 });
    const signals: AbortSignal[] = [];
    let calls = 0;
    const value = await queue.submit("p", ({ signal }) => {
      calls++;
      signals.push(signal);
      if (calls === 1) return new Promise<string>(() => {}); // never answers
      return Promise.resolve("late but fine");
    });
    expect(value).toBe("late but fine");
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBeInstanceOf(TalkTimeoutError);
    expect(signals[1]?.aborted).toBe(false);
  });
});

describe("backlog", () => {
  it("refuses work beyond maxBacklog and accepts again once there is room", async () => {
    const queue = new TalkQueue({ concurrency: 1, maxBacklog: 3 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const accepted = [1, 2, 3].map((n) => queue.submit(`p${n}`, () => gate.then(() => n)));
    expect(queue.hasRoom).toBe(false);
    await expect(queue.submit("p4", async () => 4)).rejects.toBeInstanceOf(QueueFullError);
    release();
    expect(await Promise.all(accepted)).toEqual([1, 2, 3]);
    expect(await queue.submit("p4", async () => 4)).toBe(4);
  });

  it("close drains what was accepted and refuses the rest", async () => {
    const queue = new TalkQueue({ concurrency: 2 });
    const done: number[] = [];
    for (let n = 0; n < 6; n++) {
      void queue.submit("p", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push(n);
      });
    }
    await queue.close();
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    await expect(queue.submit("p", async () => 0)).rejects.toBeInstanceOf(QueueClosedError);
  });
});

describe("a 429 speaks for the whole API key", () => {
  it("holds every other person's calls until the Retry-After has passed", async () => {
    const queue = new TalkQueue({ concurrency: 4, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    let limitedAt = 0;
    let otherStartedAt = 0;
    let first = true;
    const limited = queue.submit("alice", async () => {
      if (first) {
        first = false;
        limitedAt = Date.now();
        throw new TalkApiError("over the plan's call limit", { status: 429, retryAfterMs: 1_000 });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const other = queue.submit("bob", async () => {
      otherStartedAt = Date.now();
    });
    await Promise.all([limited, other]);
    // 10% margin for a loaded machine (see above); without the pause bob would start after ~10 ms.
    expect(otherStartedAt - limitedAt).toBeGreaterThanOrEqual(900);
  });
});
