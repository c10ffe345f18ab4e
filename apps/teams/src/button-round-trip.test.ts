import type { CardAction } from "botbuilder";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonPress, channelMessage, personalMessage } from "./testing/activities.js";
import { startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

describe("buttons: rendered as hero card actions, pressed back as the person's input", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const heroButtons = (index: number): CardAction[] =>
    (h.fake.messages[index]?.activity.attachments?.[0]?.content as { buttons?: CardAction[] } | undefined)
      ?.buttons ?? [];

  it("a postback button is a messageBack whose press reaches the bot as the postback", async () => {
    await h.post(personalMessage(h.fake.serviceUrl, "buttons"));
    const [offer] = await h.fake.waitForMessages(1);
    const card = offer?.activity.attachments?.[0];
    expect(card).toMatchObject({
      contentType: "application/vnd.microsoft.card.hero",
      content: { text: "Pick one" },
    });
    const [yes, docs] = heroButtons(0);
    expect(yes).toMatchObject({ type: "messageBack", title: "Yes", text: "yes please", displayText: "Yes" });
    expect(docs).toEqual({ type: "openUrl", title: "Docs", value: "https://example.com/docs" });

    // Teams posts the press as a message carrying the action's text and value.
    await h.post(buttonPress(h.fake.serviceUrl, { text: yes?.text, value: yes?.value }));
    const replies = await h.fake.waitForMessages(2);
    expect(h.bot.inputs).toEqual(["buttons", "yes please"]);
    expect(replies[1]?.activity.text).toBe("You picked yes.");
  });

  it("a press in a channel is answered even though it carries no @mention", async () => {
    const asked = channelMessage(h.fake.serviceUrl, "buttons", { mention: true });
    await h.post(asked);
    await h.fake.waitForMessages(1);
    const [yes] = heroButtons(0);
    await h.post(buttonPress(h.fake.serviceUrl, { text: yes?.text, value: yes?.value }, asked));
    const replies = await h.fake.waitForMessages(2);

    expect(replies[1]).toMatchObject({
      conversationId: asked.conversation?.id,
      activity: { text: "You picked yes." },
    });
  });

  it("quick replies are suggested actions in a personal chat; pressing one sends its postback", async () => {
    await h.post(personalMessage(h.fake.serviceUrl, "quick"));
    const [offer] = await h.fake.waitForMessages(1);
    expect(offer?.activity.text).toBe("Tea or coffee?");
    expect(offer?.activity.suggestedActions?.actions).toEqual([
      { type: "imBack", title: "Tea", value: "tea" },
      { type: "imBack", title: "coffee", value: "coffee" },
    ]);
    // imBack: Teams posts the value as the person's own message.
    await h.post(personalMessage(h.fake.serviceUrl, "tea"));
    await h.fake.waitForMessages(2);
    expect(h.bot.inputs).toEqual(["quick", "tea"]);
  });

  it("quick replies in a channel become card buttons (Teams shows suggested actions only in chats)", async () => {
    await h.post(channelMessage(h.fake.serviceUrl, "quick", { mention: true }));
    const [offer] = await h.fake.waitForMessages(1);
    expect(offer?.activity.suggestedActions).toBeUndefined();
    expect(heroButtons(0).map((b) => [b.type, b.title, b.text])).toEqual([
      ["messageBack", "Tea", "tea"],
      ["messageBack", "coffee", "coffee"],
    ]);
  });
});
