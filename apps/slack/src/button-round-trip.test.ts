import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PostedMessage } from "./testing/fake-slack.js";
import { dmEvent, type SlackHarness, startHttpHarness } from "./testing/slack-harness.js";

type Block = { type: string; elements?: Array<Record<string, unknown>> };

/** The interactivity payload Slack posts when the person clicks `actionId` in `post`. */
function clickPayload(h: SlackHarness, post: PostedMessage, actionId: string, user = "U0ALICE") {
  const button = (post.blocks as Block[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId} in the posted message`);
  return {
    type: "block_actions",
    user: { id: user, username: "alice", name: "alice", team_id: h.fake.teamId },
    api_app_id: "A0APP",
    token: "legacy",
    container: { type: "message", message_ts: post.ts, channel_id: post.channel, is_ephemeral: false },
    trigger_id: "1.2.3",
    team: { id: h.fake.teamId, domain: "fake" },
    channel: { id: post.channel, name: "directmessage" },
    message: { type: "message", ts: post.ts, text: post.text, blocks: post.blocks, bot_id: "B0BOT" },
    actions: [{ ...button, block_id: "b1", action_ts: `${Date.now() / 1000}` }],
  };
}

function buttonsOf(post: PostedMessage) {
  return (post.blocks as Block[]).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

describe("Slack buttons", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHttpHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("renders buttons as an actions block, and a click comes back to the bot as the person's input", async () => {
    await h.sendEvent(dmEvent("buttons"));
    const [offer] = await h.fake.waitForPosts(1);
    if (!offer) throw new Error("no post");
    const [yes, docs] = buttonsOf(offer);
    expect(yes).toMatchObject({
      type: "button",
      text: { type: "plain_text", text: "Yes" },
      value: "yes please",
    });
    expect(docs).toMatchObject({
      type: "button",
      text: { text: "Docs" },
      url: "https://example.com/docs?a=1&b=2",
    });
    expect(offer.text).toContain("Pick one");

    const click = await h.sendInteraction(clickPayload(h, offer, String(yes?.action_id)));
    expect(click.status).toBe(200);
    const posts = await h.fake.waitForPosts(2);
    expect(posts[1]).toMatchObject({ channel: "D0ALICE", text: "You picked yes." });
    expect(h.bot.inputs).toEqual(["buttons", "yes please"]);
  });

  it("acknowledges a URL button click without sending anything to the bot", async () => {
    await h.sendEvent(dmEvent("buttons"));
    const [offer] = await h.fake.waitForPosts(1);
    if (!offer) throw new Error("no post");
    const docs = buttonsOf(offer)[1];
    const click = await h.sendInteraction(clickPayload(h, offer, String(docs?.action_id)));
    expect(click.status).toBe(200);

    await h.sendEvent(dmEvent("after"));
    await h.fake.waitForPosts(2);
    expect(h.bot.inputs).toEqual(["buttons", "after"]);
  });

  it("renders quick replies as buttons", async () => {
    await h.sendEvent(dmEvent("quick"));
    const [post] = await h.fake.waitForPosts(1);
    if (!post) throw new Error("no post");
    expect(buttonsOf(post).map((b) => [(b.text as { text: string }).text, b.value])).toEqual([
      ["Tea", "tea"],
      ["coffee", "coffee"],
    ]);
  });

  it("renders a card as a section with its image and its buttons, and its button works", async () => {
    await h.sendEvent(dmEvent("card"));
    const [card] = await h.fake.waitForPosts(1);
    if (!card) throw new Error("no post");
    expect(card.blocks).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: "*Cat*\nA very good cat" },
        accessory: { type: "image", image_url: "https://example.com/cat.png", alt_text: "Cat" },
      },
      {
        type: "actions",
        elements: [
          expect.objectContaining({
            type: "button",
            text: expect.objectContaining({ text: "Adopt" }),
            value: "adopt cat",
          }),
          expect.objectContaining({ type: "button", url: "https://example.com/cats" }),
        ],
      },
    ]);
    expect(card.text).toContain("Cat");

    const adopt = buttonsOf(card)[0];
    await h.sendInteraction(clickPayload(h, card, String(adopt?.action_id)));
    const posts = await h.fake.waitForPosts(2);
    expect(posts[1]?.text).toBe("You said: adopt cat");
  });

  it("answers a click in a thread inside that thread", async () => {
    await h.sendEvent(dmEvent("buttons", "U0ALICE", { thread_ts: "1710000000.999999" }));
    const [offer] = await h.fake.waitForPosts(1);
    if (!offer) throw new Error("no post");
    expect(offer.thread_ts).toBe("1710000000.999999");
    const payload = clickPayload(h, offer, String(buttonsOf(offer)[0]?.action_id));
    payload.container = { ...payload.container, thread_ts: "1710000000.999999" } as typeof payload.container;
    await h.sendInteraction(payload);
    const posts = await h.fake.waitForPosts(2);
    expect(posts[1]).toMatchObject({ text: "You picked yes.", thread_ts: "1710000000.999999" });
  });
});
