import { afterEach, beforeEach, expect, test } from "vitest";
import { type Rig, startRig } from "./test-support/harness.js";
import { fakeUser } from "./testing/fake-discord.js";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
});

test("a direct message is answered in the DM, and the bot remembers the person between messages", async () => {
  const alice = fakeUser("1001", "alice");
  const dm = rig.fake.sendDirectMessage(alice, "my name is Alice");
  const [first] = await rig.fake.waitForMessages(1, dm.channelId);
  expect(first?.content).toBe("Nice to meet you, Alice.");
  // DMs are a one-to-one conversation: no reply reference.
  expect(first?.message_reference).toBeUndefined();

  rig.fake.sendDirectMessage(alice, "what is my name?");
  const messages = await rig.fake.waitForMessages(2, dm.channelId);
  expect(messages[1]?.content).toBe("Your name is Alice.");
  expect(rig.backend.inputs).toEqual(["1001: my name is Alice", "1001: what is my name?"]);
});

test("the bot shows typing in the conversation while it thinks", async () => {
  const dm = rig.fake.sendDirectMessage(fakeUser("1003", "dora"), "hello");
  await rig.fake.waitForTyping(dm.channelId);
  await rig.fake.waitForMessages(1, dm.channelId);
});

test("the client identifies with the Guilds, GuildMessages, DirectMessages and MessageContent intents", async () => {
  await rig.fake.identified;
  // 1 | 1 << 9 | 1 << 12 | 1 << 15
  expect(rig.fake.intents).toBe(1 + 512 + 4096 + 32768);
});
