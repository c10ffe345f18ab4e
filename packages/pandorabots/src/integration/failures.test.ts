import { defaultApologyReply, replyToText, toReply } from "@parley/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { BOT, message, type Pipeline, startPipeline, tempDbPath } from "./test-support/pipeline.js";

let fake: FakePandorabots;
let db: ReturnType<typeof tempDbPath>;
let pipeline: Pipeline;

beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: [BOT] });
  db = tempDbPath();
  pipeline = await startPipeline(fake, db.path, { retries: 2 });
});
afterEach(async () => {
  await pipeline.stop();
  await fake.close();
  db.cleanup();
});

it("a 429 with Retry-After is retried after the wait and the answer is delivered once", async () => {
  fake.failNextTalks(1, { status: 429, message: "Too many requests", retryAfter: "1" });
  await pipeline.gateway.receive(message("carol", "hello"));
  await pipeline.gateway.stop(); // drains: returns once the message is answered

  expect(fake.talkCalls().map((c) => c.status)).toEqual([429, 200]);
  const [refused, answered] = fake.talkCalls();
  expect((answered?.receivedAt ?? 0) - (refused?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  expect(pipeline.channel.textsTo("conv-carol")).toEqual(["You said: hello"]);
  expect(fake.state.anonymousClients.size).toBe(1);
});

it("a talk API failing for good gets the apology once, and nothing else is sent", async () => {
  fake.failAllTalks({ status: 500, message: "internal error" });
  await pipeline.gateway.receive(message("dave", "hello"));
  await pipeline.gateway.stop();

  expect(fake.talkCalls()).toHaveLength(3); // the first call and 2 retries
  expect(pipeline.channel.textsTo("conv-dave")).toEqual([replyToText(toReply(defaultApologyReply))]);
  const dave = await pipeline.store.get({ bot: BOT, channel: "test", userId: "dave" });
  expect(dave?.clientName ?? null).toBeNull();
});

it("a final refusal (bot not compiled) is not retried", async () => {
  fake.addBot(BOT, { compiled: false });
  await pipeline.gateway.receive(message("erin", "hello"));
  await pipeline.gateway.stop();
  expect(fake.talkCalls().map((c) => c.status)).toEqual([412]);
  expect(pipeline.channel.textsTo("conv-erin")).toEqual([replyToText(toReply(defaultApologyReply))]);
});

it("a long message whose second piece failed is retried from that piece: the bot hears each piece once", async () => {
  const sentences = Array.from({ length: 60 }, (_, i) => `This is sentence number ${i} of a long letter.`);
  fake.failTalkAt(1, { status: 503, message: "busy" });
  await pipeline.gateway.receive(message("gus", sentences.join(" ")));
  await pipeline.gateway.stop();

  const calls = fake.talkCalls();
  expect(calls.map((c) => `${c.endpoint} ${c.status}`)).toEqual(["atalk 200", "talk 503", "talk 200"]);
  expect(calls[2]?.params.input).toBe(calls[1]?.params.input);
  expect(fake.state.anonymousClients.size).toBe(1);
  const [text] = pipeline.channel.textsTo("conv-gus");
  expect(text?.split(/\s*(?=You said: )/).filter(Boolean)).toEqual(sentences.map((s) => `You said: ${s}`));
  const gus = await pipeline.store.get({ bot: BOT, channel: "test", userId: "gus" });
  expect(gus?.clientName).toBe(calls[0]?.clientName);
});
