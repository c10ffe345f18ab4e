import { expect, it } from "vitest";
import { TalkQueue } from "./talk-queue.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

it("runs each lane strictly in order while different lanes run in parallel (concurrency 8)", async () => {
  const queue = new TalkQueue({ concurrency: 8, maxBacklog: 10_000 });
  const lanes = 24;
  const perLane = 12;
  const started = new Map<string, number[]>();
  const runningPerLane = new Map<string, number>();
  let running = 0;
  let maxRunning = 0;
  let laneOverlap = false;
  const work: Promise<number>[] = [];

  for (let n = 0; n < perLane; n++) {
    for (let l = 0; l < lanes; l++) {
      const lane = `lane-${l}`;
      work.push(
        queue.submit(lane, async () => {
          started.set(lane, [...(started.get(lane) ?? []), n]);
          if ((runningPerLane.get(lane) ?? 0) > 0) laneOverlap = true;
          runningPerLane.set(lane, (runningPerLane.get(lane) ?? 0) + 1);
          running++;
          maxRunning = Math.max(maxRunning, running);
          await sleep(Math.random() * 6);
          running--;
          runningPerLane.set(lane, (runningPerLane.get(lane) ?? 0) - 1);
          return n;
        }),
      );
    }
  }
  const results = await Promise.all(work);

  expect(results).toHaveLength(lanes * perLane);
  for (let l = 0; l < lanes; l++) {
    expect(started.get(`lane-${l}`)).toEqual(Array.from({ length: perLane }, (_, i) => i));
  }
  expect(laneOverlap).toBe(false);
  expect(maxRunning).toBeLessThanOrEqual(8);
  expect(maxRunning).toBeGreaterThan(1);
  expect(queue.backlog).toBe(0);
});

it("keeps a lane's order across retries: a retried call still comes before the next one", async () => {
  const queue = new TalkQueue({ concurrency: 4, retry: { baseDelayMs: 5, maxDelayMs: 10 } });
  const order: string[] = [];
  let failedOnce = false;
  const first = queue.submit("p", async () => {
    if (!failedOnce) {
      failedOnce = true;
      throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    }
    order.push("first");
  });
  const second = queue.submit("p", async () => {
    order.push("second");
  });
  await Promise.all([first, second]);
  expect(order).toEqual(["first", "second"]);
});
