import { afterEach, beforeEach, expect, test } from "vitest";
import { type Rig, startRig } from "./test-support/harness.js";
import { fakeUser } from "./testing/fake-discord.js";
import { user } from "./testing/payloads.js";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
});

test("in a server, a message without a mention is ignored and one mentioning the bot is answered as a reply", async () => {
  const bob = fakeUser("2001", "bob");
  rig.fake.sendGuildMessage(bob, "just chatting with friends");
  const asked = rig.fake.sendGuildMessage(bob, "hello bot", { mentionBot: true });

  const [answer] = await rig.fake.waitForMessages(1, rig.fake.guildChannelId);
  // The mention is stripped from what the bot reads.
  expect(answer?.content).toBe("You said: hello bot");
  expect(answer?.message_reference?.message_id).toBe(asked.messageId);

  // Draining the gateway proves nothing else was accepted: the unaddressed message never reached the bot.
  await rig.close();
  expect(rig.backend.inputs).toEqual(["2001: hello bot"]);
  expect(rig.fake.messages).toHaveLength(1);
});

test("in a server, replying to the bot's message counts as addressing it", async () => {
  const bob = fakeUser("2002", "bob");
  rig.fake.sendGuildMessage(bob, "my name is Bob", { mentionBot: true });
  const [greeting] = await rig.fake.waitForMessages(1, rig.fake.guildChannelId);
  if (!greeting) throw new Error("no greeting");

  const followUp = rig.fake.sendGuildMessage(bob, "what is my name", { replyTo: greeting });
  const messages = await rig.fake.waitForMessages(2, rig.fake.guildChannelId);
  expect(messages[1]?.content).toBe("Your name is Bob.");
  expect(messages[1]?.message_reference?.message_id).toBe(followUp.messageId);
});

test("in a server, mentioning the bot's own role counts as mentioning the bot", async () => {
  const cleo = fakeUser("2005", "cleo");
  rig.fake.sendGuildMessage(cleo, "hello role", { mentionBotRole: true });
  const [answer] = await rig.fake.waitForMessages(1, rig.fake.guildChannelId);
  expect(answer?.content).toBe("You said: hello role");
});

test("messages from other bots are ignored, even when they mention the bot", async () => {
  const otherBot = user("2003", "otherbot", true);
  const bob = fakeUser("2004", "bob");
  rig.fake.sendGuildMessage(otherBot, "hello bot", { mentionBot: true });
  rig.fake.sendDirectMessage(otherBot, "hello in private");
  rig.fake.sendGuildMessage(bob, "ping", { mentionBot: true });
  await rig.fake.waitForMessages(1, rig.fake.guildChannelId);

  await rig.close();
  expect(rig.backend.inputs).toEqual(["2004: ping"]);
  expect(rig.fake.messages).toHaveLength(1);
});
