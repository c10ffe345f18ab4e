import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dmEvent, type SlackHarness, startHttpHarness } from "./testing/slack-harness.js";

describe("a reply that meets a 429 (whole channel, real waits)", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHttpHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("still arrives complete and in order after Slack's Retry-After", async () => {
    h.fake.rateLimitNextPosts(1);
    await h.sendEvent(dmEvent("split"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts.map((p) => p.text)).toEqual(["One", "Two"]);
    expect(h.fake.calls.filter((c) => c.method === "chat.postMessage").map((c) => c.status)).toEqual([
      429, 200, 200,
    ]);
  });
});
