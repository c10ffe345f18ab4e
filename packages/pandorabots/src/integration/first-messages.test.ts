import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { BOT, message, type Pipeline, startPipeline, tempDbPath } from "./test-support/pipeline.js";

let fake: FakePandorabots;
let db: ReturnType<typeof tempDbPath>;
let pipeline: Pipeline;

beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: [BOT], latencyMs: () => Math.random() * 15 });
  db = tempDbPath();
  pipeline = await startPipeline(fake, db.path);
});
afterEach(async () => {
  await pipeline.stop();
  await fake.close();
  db.cleanup();
});

it("a person's first messages arriving together make one atalk; the rest talk with its client name", async () => {
  const { gateway, channel, store } = pipeline;
  const outcomes = await Promise.all([
    gateway.receive(message("alice", "hi")),
    gateway.receive(message("alice", "are you there")),
    gateway.receive(message("bob", "hello")),
    gateway.receive(message("alice", "third")),
    gateway.receive(message("bob", "again")),
  ]);
  expect(outcomes.every((o) => o.status === "accepted")).toBe(true);
  await channel.waitForSent(5);

  const atalks = fake.talkCalls().filter((c) => c.endpoint === "atalk");
  expect(atalks).toHaveLength(2);
  const alice = await store.get({ bot: BOT, channel: "test", userId: "alice" });
  const bob = await store.get({ bot: BOT, channel: "test", userId: "bob" });
  expect(alice?.clientName).toMatch(/^aiaas-app1-user-\d{4}$/);
  expect(bob?.clientName).toMatch(/^aiaas-app1-user-\d{4}$/);
  expect(alice?.clientName).not.toBe(bob?.clientName);

  const aliceTalks = fake.talkCalls().filter((c) => c.clientName === alice?.clientName);
  expect(aliceTalks.map((c) => c.endpoint)).toEqual(["atalk", "talk", "talk"]);
  expect(aliceTalks.map((c) => c.params.input)).toEqual(["hi", "are you there", "third"]);
  // The session handed out on the first call is continued.
  expect(new Set(aliceTalks.map((c) => c.sessionid)).size).toBe(1);
  expect(channel.textsTo("conv-alice")).toEqual([
    "You said: hi",
    "You said: are you there",
    "You said: third",
  ]);
});
