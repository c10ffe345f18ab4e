import { expect, it } from "vitest";
import { TalkQueue } from "./talk-queue.js";

it("never starts more calls than the plan allows in any window", async () => {
  const limit = 4;
  const intervalMs = 150;
  const queue = new TalkQueue({ concurrency: 16, rate: `${limit}/${intervalMs}ms`, maxBacklog: 1_000 });
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 22 }, (_, i) =>
      queue.submit(`person-${i % 7}`, async () => {
        starts.push(performance.now());
      }),
    ),
  );
  expect(starts).toHaveLength(22);
  starts.sort((a, b) => a - b);
  // Sliding window: call i and call i+limit may never fall within one interval.
  // 1 ms slack for timer granularity (the queue counts on Date.now's whole milliseconds).
  const tooClose = starts.slice(limit).filter((t, i) => t - (starts[i] as number) < intervalMs - 1);
  expect(tooClose).toEqual([]);
});
