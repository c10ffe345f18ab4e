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

const buttonsOf = (message: { components: { components: { label?: string }[] }[] } | undefined) =>
  (message?.components ?? []).flatMap((row) => row.components);

test("a button press is acknowledged and its postback reaches the bot as the person's input", async () => {
  const carol = fakeUser("3001", "carol");
  const dm = rig.fake.sendDirectMessage(carol, "buttons");
  const [menu] = await rig.fake.waitForMessages(1, dm.channelId);
  if (!menu) throw new Error("no menu");
  expect(menu.content).toBe("Pick a colour:");
  const buttons = buttonsOf(menu) as { label: string; style: number; custom_id?: string; url?: string }[];
  expect(buttons.map((b) => b.label)).toEqual(["Red", "Blue", "Docs"]);
  // A URL button is a link button (style 5), which Discord opens without an interaction.
  expect(buttons[2]).toMatchObject({ style: 5, url: "https://example.com/docs" });

  const press = rig.fake.pressButton(carol, menu, buttons[1]?.custom_id ?? "");
  const callback = await rig.fake.waitForInteractionCallback(press);
  expect(callback.body.type).toBe(6); // DEFERRED_UPDATE_MESSAGE: acknowledged, answer follows

  const messages = await rig.fake.waitForMessages(2, dm.channelId);
  expect(messages[1]?.content).toBe("You chose blue.");
  expect(rig.backend.inputs).toEqual(["3001: buttons", "3001: colour blue"]);
});

test("a postback longer than custom_id allows travels through a short token", async () => {
  const dan = fakeUser("3002", "dan");
  const dm = rig.fake.sendDirectMessage(dan, "long button");
  const [menu] = await rig.fake.waitForMessages(1, dm.channelId);
  if (!menu) throw new Error("no menu");
  const [button] = buttonsOf(menu) as { custom_id: string }[];
  expect(button?.custom_id.length).toBeLessThanOrEqual(100);

  rig.fake.pressButton(dan, menu, button?.custom_id ?? "");
  const messages = await rig.fake.waitForMessages(2, dm.channelId);
  expect(messages[1]?.content).toBe("Long postback of 150 characters received.");
});

test("pressing a button whose token is no longer known gets a private notice instead of silence", async () => {
  const erin = fakeUser("3003", "erin");
  const dm = rig.fake.sendDirectMessage(erin, "hello");
  const [answer] = await rig.fake.waitForMessages(1, dm.channelId);
  if (!answer) throw new Error("no answer");

  const press = rig.fake.pressButton(erin, answer, "t:forgotten-token");
  const callback = await rig.fake.waitForInteractionCallback(press);
  expect(callback.body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE
  expect(callback.body.data?.flags).toBe(64); // ephemeral: only the presser sees it
  expect(callback.body.data?.content).toMatch(/expired/);
});

test("a button pressed in a server answers in that channel, as a plain message", async () => {
  const fay = fakeUser("3004", "fay");
  rig.fake.sendGuildMessage(fay, "buttons", { mentionBot: true });
  const [menu] = await rig.fake.waitForMessages(1, rig.fake.guildChannelId);
  if (!menu) throw new Error("no menu");
  const [red] = buttonsOf(menu) as { custom_id: string }[];

  rig.fake.pressButton(fay, menu, red?.custom_id ?? "");
  const messages = await rig.fake.waitForMessages(2, rig.fake.guildChannelId);
  expect(messages[1]?.content).toBe("You chose red.");
  expect(messages[1]?.message_reference).toBeUndefined();
});
