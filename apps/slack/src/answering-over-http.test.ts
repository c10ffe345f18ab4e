import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LONG_ANSWER_WORDS } from "./testing/memory-bot.js";
import {
  channelMessageEvent,
  dmEvent,
  mentionEvent,
  nextTs,
  type SlackHarness,
  startHttpHarness,
} from "./testing/slack-harness.js";

describe("who the Slack bot answers (Events API over HTTP)", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHttpHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers a direct message in the DM, and remembers the person", async () => {
    const first = await h.sendEvent(dmEvent("my name is Alice"));
    expect(first.status).toBe(200);
    await h.fake.waitForPosts(1);
    await h.sendEvent(dmEvent("what is my name?"));
    const posts = await h.fake.waitForPosts(2);

    expect(posts.map((p) => [p.channel, p.text, p.thread_ts])).toEqual([
      ["D0ALICE", "Nice to meet you, Alice.", undefined],
      ["D0ALICE", "Your name is Alice.", undefined],
    ]);
    expect(h.bot.askers).toEqual([`${h.fake.teamId}:U0ALICE`, `${h.fake.teamId}:U0ALICE`]);
  });

  it("acknowledges Slack at once, before the bot has answered", async () => {
    const release = h.bot.hold();
    const res = await h.sendEvent(dmEvent("slow question"));
    expect(res.status).toBe(200);
    expect(h.fake.posts).toEqual([]);
    release();
    const [post] = await h.fake.waitForPosts(1);
    expect(post?.text).toBe("You said: slow question");
  });

  it("keeps apart the memory of two people", async () => {
    await h.sendEvent(dmEvent("my name is Alice", "U0ALICE"));
    await h.fake.waitForPosts(1);
    await h.sendEvent(dmEvent("what is my name", "U0BOB"));
    const posts = await h.fake.waitForPosts(2);
    expect(posts[1]).toMatchObject({ channel: "D0BOB", text: "I don't know your name yet." });
  });

  it("ignores a channel message that does not mention the bot", async () => {
    await h.sendEvent(channelMessageEvent("hello everyone"));
    // A later DM is answered; by then the channel message would have reached the bot too.
    await h.sendEvent(dmEvent("ping"));
    const posts = await h.fake.waitForPosts(1);

    expect(h.bot.inputs).toEqual(["ping"]);
    expect(h.fake.posts).toEqual([expect.objectContaining({ channel: "D0ALICE", text: "You said: ping" })]);
    expect(posts).toHaveLength(1);
  });

  it("answers an app_mention in its thread, with the mention stripped", async () => {
    const threadTs = nextTs();
    await h.sendEvent(mentionEvent(h.fake, "hello there", "U0ALICE", { thread_ts: threadTs }));
    const [post] = await h.fake.waitForPosts(1);

    expect(post).toMatchObject({ channel: "C0GENERAL", thread_ts: threadTs, text: "You said: hello there" });
  });

  it("answers a top-level mention in the channel itself", async () => {
    await h.sendEvent(mentionEvent(h.fake, "hi"));
    const [post] = await h.fake.waitForPosts(1);
    expect(post).toMatchObject({ channel: "C0GENERAL", text: "You said: hi" });
    expect(post?.thread_ts).toBeUndefined();
  });

  it("answers a DM sent inside a thread in that thread", async () => {
    const threadTs = nextTs();
    await h.sendEvent(dmEvent("in a thread", "U0ALICE", { thread_ts: threadTs }));
    const [post] = await h.fake.waitForPosts(1);
    expect(post).toMatchObject({ channel: "D0ALICE", thread_ts: threadTs });
  });

  it("ignores bot messages, edits, deletions and other subtypes", async () => {
    await h.sendEvent(dmEvent("from a bot", "U0OTHERBOT", { bot_id: "B0OTHER" }));
    await h.sendEvent(dmEvent("edited", "U0ALICE", { subtype: "message_changed" }));
    await h.sendEvent(dmEvent("", "U0ALICE", { subtype: "message_deleted" }));
    await h.sendEvent(dmEvent("joined", "U0ALICE", { subtype: "channel_join" }));
    await h.sendEvent(dmEvent("its own", h.fake.botUserId));
    await h.sendEvent(dmEvent("real one"));
    await h.fake.waitForPosts(1);

    expect(h.bot.inputs).toEqual(["real one"]);
  });
});

describe("what the Slack bot's answers look like", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHttpHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("sends a long answer as several messages, in order", async () => {
    await h.sendEvent(dmEvent("long"));
    await h.sendEvent(dmEvent("after"));
    await h.fake.waitForPosts(2);
    const all = await waitForText(h, "You said: after");
    const long = all.slice(0, -1);
    expect(long.length).toBeGreaterThan(1);
    const words = long
      .map((p) => p.text)
      .join(" ")
      .split(/\s+/);
    expect(words).toEqual(Array.from({ length: LONG_ANSWER_WORDS }, (_, i) => `word${i}`));
  });

  it("escapes the bot's <, > and & for Slack", async () => {
    await h.sendEvent(dmEvent("escape"));
    const [post] = await h.fake.waitForPosts(1);
    expect(post?.text).toBe("if a &lt; b &amp;&amp; b &gt; c then done");
  });
});

async function waitForText(h: SlackHarness, text: string) {
  for (let n = 1; ; n += 1) {
    const posts = await h.fake.waitForPosts(n);
    if (posts.some((p) => p.text === text)) return posts;
  }
}
