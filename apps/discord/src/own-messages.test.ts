// The bot never answers itself: Discord echoes every message the bot posts back as MESSAGE_CREATE.
import type { Message } from "discord.js";
import { afterEach, expect, test } from "vitest";
import { decideMessage } from "./inbound/message.js";
import { captureLogger } from "./test-support/capture-logger.js";
import { type Rig, startRig } from "./test-support/harness.js";
import { fakeUser } from "./testing/fake-discord.js";
import { user } from "./testing/payloads.js";

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

test("messages whose author is the bot's own user id are ignored, even without the bot flag", async () => {
  const logger = captureLogger();
  const r = await startRig({ logger });
  rig = r;
  const self = r.fake.bot;
  // As Discord echoes the bot's posts (flagged bot), and the same user id unflagged, in a server and a DM.
  r.fake.sendGuildMessage(self, "hello me", { mentionBot: true });
  r.fake.sendGuildMessage(user(self.id, self.username), "hello me again", { mentionBot: true });
  r.fake.sendDirectMessage(user(self.id, self.username), "talking to myself");
  const fromBot = () => logger.entries.filter((e) => e.fields.reason === "from-bot").length;
  await logger.waitFor(() => fromBot() === 3);

  r.fake.sendGuildMessage(fakeUser("2101", "bob"), "ping", { mentionBot: true });
  await r.fake.waitForMessages(1, r.fake.guildChannelId);
  await r.close();
  expect(r.backend.inputs).toEqual(["2101: ping"]);
  expect(r.fake.messages.map((m) => m.content)).toEqual(["You said: ping"]);
});

test("the rule itself goes by user id, not only by the bot flag", () => {
  // discord.js keeps the flag of its own cached user, so end to end the flag alone already hides
  // the bot's echoes; the id check is what holds if a payload ever arrives unflagged.
  const echo = { author: { id: "42", bot: false }, guildId: null, content: "hi" } as unknown as Message;
  expect(decideMessage(echo, "42")).toEqual({ answer: false, reason: "from-bot" });
});
