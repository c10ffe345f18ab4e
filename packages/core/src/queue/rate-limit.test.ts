import { expect, it } from "vitest";
import { TalkQueue } from "./talk-queue.js";

it("never starts more calls than the plan allows in any window, even for a burst arriving mid-window", async () => {
  const limit = 4;
  const intervalMs = 1_000;
  const queue = new TalkQueue({ concurrency: 16, rate: `${limit}/${intervalMs}ms`, maxBacklog: 1_000 });
  const starts: number[] = [];
  const call = (i: number) =>
    queue.submit(`person-${i % 7}`, async () => {
      starts.push(Date.now()); // the clock p-queue's window uses
    });
  // One call opens a window; a burst arrives late in it. A fixed window would let the rest of the
  // first window's quota and the whole next one through back to back (400 ms apart here).
  const first = call(0);
  await new Promise((resolve) => setTimeout(resolve, 600));
  await Promise.all([first, ...Array.from({ length: 8 }, (_, i) => call(i + 1))]);

  expect(starts).toHaveLength(9);
  starts.sort((a, b) => a - b);
  // Sliding window: call i and call i+limit may never fall within one interval. The 25% slack only
  // absorbs the process being descheduled between the queue's clock read and ours on a loaded
  // machine; a fixed window (gaps of ~400 ms) or no limit (gaps of ~0) still fails.
  const gaps = starts.slice(limit).map((t, i) => t - (starts[i] as number));
  expect(gaps).toHaveLength(5);
  expect(gaps.filter((gap) => gap < intervalMs * 0.75)).toEqual([]);
});
