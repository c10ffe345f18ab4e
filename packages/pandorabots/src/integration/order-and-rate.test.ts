import { afterEach, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { BOT, message, type Pipeline, startPipeline, tempDbPath } from "./test-support/pipeline.js";

let fake: FakePandorabots | undefined;
let pipeline: Pipeline | undefined;
let db: ReturnType<typeof tempDbPath> | undefined;

afterEach(async () => {
  await pipeline?.stop();
  await fake?.close();
  db?.cleanup();
});

it("keeps each person's replies in order at concurrency 8 with random latencies", async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: [BOT], latencyMs: () => 5 + Math.random() * 20 });
  db = tempDbPath();
  pipeline = await startPipeline(fake, db.path, { concurrency: 8 });
  const users = Array.from({ length: 16 }, (_, i) => `user${i}`);
  const perUser = 8;
  const sends = [];
  for (let n = 0; n < perUser; n++) {
    for (const u of users) sends.push(pipeline.gateway.receive(message(u, `${u} message ${n}`)));
  }
  await Promise.all(sends);
  await pipeline.channel.waitForSent(users.length * perUser);

  for (const u of users) {
    expect(pipeline.channel.textsTo(`conv-${u}`)).toEqual(
      Array.from({ length: perUser }, (_, n) => `You said: ${u} message ${n}`),
    );
  }
  expect(fake.state.maxTalksInFlight).toBeLessThanOrEqual(8);
  expect(fake.state.maxTalksInFlight).toBeGreaterThan(1);
  expect(fake.state.anonymousClients.size).toBe(users.length);
});

it("never goes over the plan's rate limit as the service counts it", async () => {
  // The service allows 5 talk calls in any 200 ms. The queue limits when calls START; each then
  // reads the store before its request leaves, so the queue is given 5 per 500 ms: a 300 ms margin
  // for that delay on a loaded machine. Without any queue limit the fake counts many refusals.
  fake = await startFakePandorabots({ appId: "app1", bots: [BOT] });
  db = tempDbPath();
  pipeline = await startPipeline(fake, db.path, { concurrency: 8, rate: "5/500ms" });
  const people = Array.from({ length: 6 }, (_, i) => `p${i}`);
  // Warm-up: every person exists (client name stored) before the service starts counting.
  await Promise.all(people.map((p) => pipeline?.gateway.receive(message(p, "hi"))));
  await pipeline.channel.waitForSent(people.length);
  fake.setRateLimit({ max: 5, windowMs: 200 });

  const total = 24;
  await Promise.all(
    Array.from({ length: total }, (_, i) => pipeline?.gateway.receive(message(`p${i % 6}`, `hello ${i}`))),
  );
  await pipeline.channel.waitForSent(people.length + total);

  expect(fake.state.rateLimited).toBe(0);
  expect(fake.talkCalls()).toHaveLength(people.length + total);
  expect(pipeline.channel.sent.every((s) => JSON.stringify(s.reply).includes("You said"))).toBe(true);
});
