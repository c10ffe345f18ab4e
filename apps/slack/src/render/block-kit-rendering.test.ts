import { parseReply, type Reply, type ReplyPart } from "@parley/core";
import { describe, expect, it } from "vitest";
import { renderReply, type SlackStep } from "./render-reply.js";

type Post = Extract<SlackStep, { kind: "post" }>;
const one = (...parts: ReplyPart[]): Reply => ({ messages: [parts] });
const posts = (steps: SlackStep[]) => steps.filter((s): s is Post => s.kind === "post");
const sectionTexts = (post: Post) =>
  post.blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));

describe("Block Kit rendering", () => {
  it("escapes &, < and > in bot text, in the blocks and in the fallback", () => {
    const [post] = posts(renderReply(one({ type: "text", text: "if a < b && b > c" })));
    expect(post?.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "if a &lt; b &amp;&amp; b &gt; c" } },
    ]);
    expect(post?.text).toBe("if a &lt; b &amp;&amp; b &gt; c");
  });

  it("keeps Slack's own emphasis marks working", () => {
    const [post] = posts(renderReply(one({ type: "text", text: "*bold* and _italic_" })));
    expect(sectionTexts(post as Post)).toEqual(["*bold* and _italic_"]);
  });

  it("splits long text into sections of at most 3,000 characters and messages of about 4,000, losing nothing", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
    const out = posts(renderReply(one({ type: "text", text: words.join(" ") })));
    expect(out.length).toBeGreaterThan(2);
    for (const post of out) {
      for (const text of sectionTexts(post)) expect(text.length).toBeLessThanOrEqual(3000);
      expect(post.text.length).toBeLessThanOrEqual(4000);
      expect(sectionTexts(post).join("").length).toBeLessThanOrEqual(4000);
    }
    expect(out.flatMap(sectionTexts).join(" ").split(" ")).toEqual(words);
  });

  it("counts the escaped length against the limit", () => {
    const out = posts(renderReply(one({ type: "text", text: "&".repeat(2000) })));
    const texts = out.flatMap(sectionTexts);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).toMatch(/^(&amp;)+$/);
    }
    expect(texts.join("").length).toBe(2000 * 5);
  });

  it("never cuts an emoji in half", () => {
    const out = posts(renderReply(one({ type: "text", text: "😀".repeat(2000) })));
    const texts = out.flatMap(sectionTexts);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join("")).toBe("😀".repeat(2000));
    for (const text of texts) expect(text).toMatch(/^(😀)+$/u);
  });

  it("renders a carousel as its cards one after another, a divider between them", () => {
    const [post] = posts(
      renderReply(
        parseReply([
          "<carousel><card><title>A</title><button>one</button></card><card><title>B</title><image>https://x.test/b.png</image><button>two</button></card></carousel>",
        ]),
      ),
    );
    expect(post?.blocks.map((b) => b.type)).toEqual(["section", "actions", "divider", "section", "actions"]);
    expect(post?.blocks[3]).toMatchObject({
      text: { text: "*B*" },
      accessory: { type: "image", image_url: "https://x.test/b.png" },
    });
  });

  it("renders a card with only an image as an image block", () => {
    const [post] = posts(
      renderReply(one({ type: "card", card: { image: "https://x.test/i.png", buttons: [] } })),
    );
    expect(post?.blocks).toEqual([{ type: "image", image_url: "https://x.test/i.png", alt_text: "image" }]);
  });

  it("renders links, lists, images and videos", () => {
    const [post] = posts(
      renderReply(
        one(
          { type: "link", text: "the <docs>", url: "https://x.test/a?b=1|2" },
          { type: "list", ordered: true, items: ["first", "a & b"] },
          { type: "list", ordered: false, items: ["x"] },
          { type: "image", url: "https://x.test/p.png" },
          { type: "video", url: "https://x.test/v.mp4" },
        ),
      ),
    );
    expect(sectionTexts(post as Post)).toEqual([
      "<https://x.test/a?b=1%7C2|the &lt;docs&gt;>",
      "1. first\n2. a &amp; b",
      "• x",
      "<https://x.test/v.mp4|▶ Video>",
    ]);
    expect(post?.blocks[3]).toEqual({ type: "image", image_url: "https://x.test/p.png", alt_text: "image" });
  });

  it("sends each split as its own message and waits out a delay between messages", () => {
    const steps = renderReply(parseReply(["One<split/>Two<delay>2</delay>Three"]));
    expect(steps.map((s) => (s.kind === "wait" ? `wait ${s.ms}` : s.text))).toEqual([
      "One",
      "Two",
      "wait 2000",
      "Three",
    ]);
  });

  it("spreads more than 25 buttons over several actions blocks, with distinct action ids", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ text: `b${i}`, postback: `p${i}` }));
    const [post] = posts(renderReply(one({ type: "buttons", text: "Choose", buttons })));
    const actions = post?.blocks.filter((b) => b.type === "actions") ?? [];
    expect(actions.map((b) => (b.type === "actions" ? b.elements.length : 0))).toEqual([25, 5]);
    const ids = actions.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.action_id) : []));
    expect(new Set(ids).size).toBe(30);
  });

  it("starts a new message past Slack's 50 blocks", () => {
    const parts: ReplyPart[] = Array.from({ length: 60 }, (_, i) => ({
      type: "image",
      url: `https://x.test/${i}.png`,
    }));
    const out = posts(renderReply(one(...parts)));
    expect(out.map((p) => p.blocks.length)).toEqual([50, 10]);
  });

  it("trims button labels to Slack's 75 characters", () => {
    const [post] = posts(
      renderReply(one({ type: "buttons", buttons: [{ text: "x".repeat(100), postback: "go" }] })),
    );
    const el = post?.blocks[0]?.type === "actions" ? post.blocks[0].elements[0] : undefined;
    expect((el as { text: { text: string } }).text.text).toHaveLength(75);
  });
});
