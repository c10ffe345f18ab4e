import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personalMessage } from "./testing/activities.js";
import { startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

describe("rich replies arrive on the Bot Connector as Teams-native activities", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ask = async (input: string, replies = 1) => {
    await h.post(personalMessage(h.fake.serviceUrl, input));
    return h.fake.waitForMessages(replies);
  };

  it("a card is a hero card attachment with title, subtitle, image and buttons", async () => {
    const [reply] = await ask("card");
    expect(reply?.activity.attachments).toEqual([
      {
        contentType: "application/vnd.microsoft.card.hero",
        content: {
          title: "Cat",
          subtitle: "A very good cat",
          images: [{ url: "https://example.com/cat.png" }],
          buttons: [
            {
              type: "messageBack",
              title: "Adopt",
              text: "adopt cat",
              displayText: "Adopt",
              value: { parleyPostback: "adopt cat" },
            },
            { type: "openUrl", title: "Photos", value: "https://example.com/cats" },
          ],
        },
      },
    ]);
  });

  it("a carousel is one activity of hero cards in carousel layout", async () => {
    const [reply] = await ask("carousel");
    expect(reply?.activity.attachmentLayout).toBe("carousel");
    expect(
      reply?.activity.attachments?.map((a) => [a.contentType, (a.content as { title: string }).title]),
    ).toEqual([
      ["application/vnd.microsoft.card.hero", "First"],
      ["application/vnd.microsoft.card.hero", "Second"],
    ]);
    expect(h.fake.messages).toHaveLength(1);
  });

  it("an image is an image attachment", async () => {
    const [reply] = await ask("image");
    expect(reply?.activity.attachments).toEqual([
      { contentType: "image/png", contentUrl: "https://example.com/pic.png", name: "pic.png" },
    ]);
  });

  it("links and lists are Markdown text", async () => {
    const [link] = await ask("link");
    expect(link?.activity).toMatchObject({
      textFormat: "markdown",
      text: "[Read the docs](https://example.com/docs)",
    });
    const [, list] = await ask("list", 2);
    expect(list?.activity.text).toBe("1. first\n2. second");
  });

  it("a split answer is separate activities, in order", async () => {
    const replies = await ask("split", 2);
    expect(replies.map((r) => r.activity.text)).toEqual(["One", "Two"]);
  });

  it("a delay shows typing between the parts", async () => {
    await ask("pause", 2);
    const sequence = h.fake.received.map((r) =>
      r.activity.type === "message" ? r.activity.text : r.activity.type,
    );
    const first = sequence.indexOf("Wait for it");
    expect(sequence.slice(first)).toEqual(["Wait for it", "typing", "there."]);
  });

  it("escapes the bot's plain text so Teams does not read it as Markdown", async () => {
    const [reply] = await ask("2*3 is_six_ [x]");
    expect(reply?.activity.text).toBe("You said: 2\\*3 is\\_six\\_ \\[x\\]");
  });
});
