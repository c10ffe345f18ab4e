import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dmEvent, mentionEvent, type SocketHarness, startSocketHarness } from "./testing/slack-harness.js";

describe("Slack in Socket Mode", () => {
  let h: SocketHarness;
  beforeEach(async () => {
    h = await startSocketHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("has no HTTP route: events come over the WebSocket", () => {
    expect(h.channel.routes).toEqual([]);
    expect(h.channel.mode).toBe("socket");
  });

  it("acks a DM envelope and answers it through the Web API", async () => {
    const ack = await h.pushEvent(dmEvent("my name is Sam", "U0SAM"));
    expect(ack.envelope_id).toBeTruthy();
    await h.fake.waitForPosts(1);
    await h.pushEvent(dmEvent("what is my name", "U0SAM"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts.map((p) => [p.channel, p.text])).toEqual([
      ["D0SAM", "Nice to meet you, Sam."],
      ["D0SAM", "Your name is Sam."],
    ]);
  });

  it("applies the same rules: mentions answered in their thread, retries answered once", async () => {
    const mention = mentionEvent(h.fake, "over the socket", "U0SAM", { thread_ts: "1710000001.000001" });
    await h.pushEvent(mention, { eventId: "Ev0SOCK" });
    await h.pushEvent(mention, { eventId: "Ev0SOCK", retryAttempt: 1 });
    await h.pushEvent(dmEvent("then this", "U0SAM"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts.map((p) => [p.text, p.thread_ts])).toEqual([
      ["You said: over the socket", "1710000001.000001"],
      ["You said: then this", undefined],
    ]);
  });

  it("takes a button click over the socket", async () => {
    await h.pushEvent(dmEvent("buttons", "U0SAM"));
    const [offer] = await h.fake.waitForPosts(1);
    if (!offer) throw new Error("no post");
    const yes = (offer.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.value === "yes please");
    const ack = await h.fake.pushSocketEnvelope("interactive", {
      type: "block_actions",
      user: { id: "U0SAM", team_id: h.fake.teamId },
      team: { id: h.fake.teamId },
      channel: { id: offer.channel },
      container: { type: "message", channel_id: offer.channel, message_ts: offer.ts },
      message: { ts: offer.ts, type: "message" },
      actions: [{ ...yes, block_id: "b", action_ts: "1710000002.000001" }],
    });
    expect(ack.envelope_id).toBeTruthy();
    const posts = await h.fake.waitForPosts(2);
    expect(posts[1]?.text).toBe("You picked yes.");
  });
});
