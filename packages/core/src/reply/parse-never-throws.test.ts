import { describe, expect, it } from "vitest";
import type { ReplyPart } from "../types/index.js";
import { parseReply, replyToText } from "./index.js";

// Deterministic pseudo-random markup soup (fixed seed): the same inputs on every run.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  "button",
  "reply",
  "text",
  "postback",
  "url",
  "card",
  "title",
  "subtitle",
  "image",
  "video",
  "carousel",
  "link",
  "delay",
  "olist",
  "list",
  "item",
  "b",
  "oob",
  "a",
];
const BITS = [
  " ",
  "hi",
  "2",
  "&amp;",
  "&nbsp;",
  "&bogus",
  "<",
  ">",
  "<br/>",
  "<split/>",
  "<![CDATA[x]]>",
  "<!--c-->",
  "https://x.test/",
  "\n",
  '"',
  "=",
  "/",
];

function soup(random: () => number): string {
  let out = "";
  const length = 1 + Math.floor(random() * 30);
  for (let i = 0; i < length; i += 1) {
    const r = random();
    const tag = TAGS[Math.floor(random() * TAGS.length)];
    if (r < 0.3) out += `<${tag}>`;
    else if (r < 0.5) out += `</${tag}>`;
    else out += BITS[Math.floor(random() * BITS.length)];
  }
  return out;
}

function wellFormed(part: ReplyPart): boolean {
  switch (part.type) {
    case "text":
      return part.text.length > 0 && part.text === part.text.trim();
    case "buttons":
      return part.buttons.length > 0 && part.buttons.every((b) => b.text && (b.postback || b.url));
    case "quickReplies":
      return part.replies.length > 0 && part.replies.every((b) => b.text && (b.postback || b.url));
    case "image":
    case "video":
      return part.url.length > 0;
    case "link":
      return part.text.length > 0 && part.url.length > 0;
    case "card":
      return Boolean(part.card.title || part.card.subtitle || part.card.image || part.card.buttons.length);
    case "carousel":
      return part.cards.length >= 2;
    case "list":
      return part.items.length > 0 && part.items.every(Boolean);
    case "delay":
      return Number.isFinite(part.seconds) && part.seconds >= 0;
  }
}

describe("parseReply on arbitrary markup", () => {
  it("never throws, never yields an empty message, and only well-formed parts (3,000 random inputs)", () => {
    const random = mulberry32(20261122);
    for (let i = 0; i < 3000; i += 1) {
      const input = [soup(random), soup(random)];
      const reply = parseReply(input);
      for (const message of reply.messages) {
        expect(message.length, JSON.stringify(input)).toBeGreaterThan(0);
        for (const part of message)
          expect(wellFormed(part), `${JSON.stringify(input)} -> ${JSON.stringify(part)}`).toBe(true);
      }
      expect(typeof replyToText(reply)).toBe("string");
    }
  });
});
