import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CapturedLine, captureLogger } from "./testing/capture-logger.js";
import { dmEvent, mentionEvent, type SlackHarness, startHttpHarness } from "./testing/slack-harness.js";

describe("Slack redeliveries", () => {
  let h: SlackHarness;
  let lines: CapturedLine[];
  beforeEach(async () => {
    lines = [];
    h = await startHttpHarness({ logger: captureLogger(lines) });
  });
  afterEach(async () => {
    await h.close();
  });

  it("acknowledges a retried event (X-Slack-Retry-Num) and answers the message once", async () => {
    const event = dmEvent("hello once");
    const first = await h.sendEvent(event, { eventId: "Ev0RETRY1" });
    const retry1 = await h.sendEvent(event, { eventId: "Ev0RETRY1", retryNum: 1 });
    const retry2 = await h.sendEvent(event, { eventId: "Ev0RETRY1", retryNum: 2 });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);

    // A later message is answered after the retries were handled, so a second answer would show by then.
    await h.sendEvent(dmEvent("next"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts.map((p) => p.text)).toEqual(["You said: hello once", "You said: next"]);
    expect(h.bot.inputs).toEqual(["hello once", "next"]);
    // The channel itself drops them by event_id, before the gateway's own dedupe.
    const dropped = lines.filter((l) => l.msg.includes("already taken in"));
    expect(dropped.map((l) => l.data.retryNum)).toEqual([1, 2]);
  });

  it("answers a retried delivery whose first attempt never arrived", async () => {
    await h.sendEvent(dmEvent("lost first"), { eventId: "Ev0LOST", retryNum: 1 });
    const [post] = await h.fake.waitForPosts(1);
    expect(post?.text).toBe("You said: lost first");
  });

  it("answers a mention once though Slack also sends the channel message event", async () => {
    const mention = mentionEvent(h.fake, "just once");
    await h.sendEvent(mention);
    await h.sendEvent({ ...mention, type: "message", channel_type: "channel" });
    await h.sendEvent(dmEvent("after"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts.map((p) => p.text)).toEqual(["You said: just once", "You said: after"]);
  });
});
