import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { BOT, message, startPipeline, tempDbPath } from "./test-support/pipeline.js";

let fake: FakePandorabots;
let db: ReturnType<typeof tempDbPath>;

beforeEach(async () => {
  fake = await startFakePandorabots({
    appId: "app1",
    bots: [BOT],
    respond: ({ sentence }) =>
      sentence === "show buttons"
        ? "Pick one <button><text>Yes</text><postback>YES</postback> <button>No"
        : `You said: ${sentence}`,
  });
  db = tempDbPath();
});
afterEach(async () => {
  await fake.close();
  db.cleanup();
});

it("a new process on the same SQLite file keeps every client name (no new atalk)", async () => {
  const users = ["ann", "ben", "cat"];
  const first = await startPipeline(fake, db.path);
  for (const u of users) await first.gateway.receive(message(u, "hello"));
  await first.stop();
  const names = new Set(fake.talkCalls().map((c) => c.clientName));
  expect(fake.state.anonymousClients.size).toBe(3);

  const second = await startPipeline(fake, db.path);
  for (const u of users) await second.gateway.receive(message(u, "I am back"));
  await second.stop();

  const after = fake.talkCalls().slice(3);
  expect(after.map((c) => c.endpoint)).toEqual(["talk", "talk", "talk"]);
  expect(fake.state.anonymousClients.size).toBe(3);
  for (const c of after) expect(names.has(c.params.client_name)).toBe(true);
  expect(new Set(after.map((c) => c.params.client_name)).size).toBe(3);
});

it("splits oversized input into several calls and sends one reply holding every answer in order", async () => {
  const p = await startPipeline(fake, db.path);
  const sentences = Array.from({ length: 90 }, (_, i) => `Here is sentence ${i} of my very long story.`);
  await p.gateway.receive(message("long", sentences.join(" ")));
  await p.stop();

  const calls = fake.talkCalls();
  expect(calls.length).toBeGreaterThanOrEqual(2);
  expect(calls.every((c) => (c.params.input?.length ?? 0) <= 2000 && c.status === 200)).toBe(true);
  expect(calls.map((c) => c.endpoint)).toEqual(["atalk", ...calls.slice(1).map(() => "talk")]);
  const [text] = p.channel.textsTo("conv-long");
  expect(text?.split(/\s*(?=You said: )/).filter(Boolean)).toEqual(sentences.map((s) => `You said: ${s}`));
});

it("renders an answer with malformed rich markup as its text", async () => {
  const p = await startPipeline(fake, db.path);
  await p.gateway.receive(message("mia", "show buttons"));
  await p.stop();
  const [text] = p.channel.textsTo("conv-mia");
  expect(text).toContain("Pick one");
  expect(text).toContain("Yes");
  expect(text).not.toMatch(/<\/?(button|text|postback)/);
});

it("a person's reset starts a new session and resets the bot's memory", async () => {
  const p = await startPipeline(fake, db.path);
  await p.gateway.receive(message("rex", "hello"));
  await p.gateway.receive(message("rex", "again"));
  await p.gateway.receive(message("rex", "start over", { resetSession: true }));
  await p.stop();
  const [a, b, c] = fake.talkCalls();
  expect(b?.params.sessionid).toBe(String(a?.sessionid));
  expect(c?.params.reset).toBe("true");
  expect(c?.params.sessionid).toBeUndefined();
  expect(c?.sessionid).not.toBe(a?.sessionid);
});
