import { afterEach, beforeEach, expect, test } from "vitest";
import { type Rig, startRig } from "./test-support/harness.js";
import { LONG_ANSWER } from "./test-support/memory-backend.js";
import { fakeUser } from "./testing/fake-discord.js";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
});

const gus = fakeUser("4001", "gus");

test("a card is rendered as an embed with its buttons as components", async () => {
  const dm = rig.fake.sendDirectMessage(gus, "card");
  const [message] = await rig.fake.waitForMessages(1, dm.channelId);
  expect(message?.embeds).toEqual([
    {
      title: "Green tea",
      // Markdown in bot text is escaped: the asterisks show as written.
      description: "Fresh \\*and\\* light",
      image: { url: "https://example.com/tea.png" },
    },
  ]);
  expect(message?.components).toEqual([
    {
      type: 1,
      components: [
        { type: 2, style: 1, label: "Order", custom_id: "p:order green tea" },
        { type: 2, style: 5, label: "More", url: "https://example.com/tea" },
      ],
    },
  ]);
});

test("a 2,500-character answer arrives as two messages cut at a paragraph boundary", async () => {
  expect(LONG_ANSWER).toHaveLength(2500);
  const dm = rig.fake.sendDirectMessage(gus, "long");
  await rig.fake.waitForMessages(2, dm.channelId);

  await rig.close();
  const messages = rig.fake.messages.filter((m) => m.channel_id === dm.channelId);
  expect(messages).toHaveLength(2);
  for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2000);
  const [firstParagraph] = LONG_ANSWER.split("\n\n");
  expect(messages[0]?.content).toBe(firstParagraph);
  expect(messages.map((m) => m.content).join("\n\n")).toBe(LONG_ANSWER);
});

test("a carousel of twelve cards fills one message with ten embeds and continues in a second", async () => {
  const dm = rig.fake.sendDirectMessage(gus, "carousel");
  const messages = await rig.fake.waitForMessages(2, dm.channelId);
  expect(messages.map((m) => m.embeds.length)).toEqual([10, 2]);
  expect(messages[1]?.embeds[1]).toEqual({ title: "Item 12", description: "Number 12" });
});

test("<split/> sends separate messages, in order", async () => {
  const dm = rig.fake.sendDirectMessage(gus, "split");
  const messages = await rig.fake.waitForMessages(2, dm.channelId);
  expect(messages.map((m) => m.content)).toEqual(["First part.", "Second part."]);
});
