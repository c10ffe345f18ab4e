import type { Card, Reply } from "@parley/core";
import { expect, test } from "vitest";
import { type OutgoingMessage, renderReply } from "./compose.js";
import { PostbackCodec } from "./postbacks.js";

const render = (reply: Reply, codec = new PostbackCodec()) =>
  renderReply(reply, codec).flatMap((s) => (s.kind === "message" ? [s.message] : []));
const one = (...parts: Reply["messages"][number]) => ({ messages: [parts] });
const buttonsOf = (m: OutgoingMessage | undefined) => (m?.components ?? []).flatMap((row) => row.components);

test("link and list parts become markdown in the message text; a video is its URL, which Discord unfurls", () => {
  const [message] = render(
    one(
      { type: "link", text: "the docs", url: "https://example.com/d" },
      { type: "list", ordered: true, items: ["tea", "cake*"] },
      { type: "list", ordered: false, items: ["x"] },
      { type: "video", url: "https://example.com/v.mp4" },
    ),
  );
  expect(message?.content).toBe(
    "[the docs](https://example.com/d)\n1. tea\n2. cake\\*\n- x\nhttps://example.com/v.mp4",
  );
});

test("an image becomes an embed image; quick replies become secondary-style postback buttons", () => {
  const [image, quick] = render({
    messages: [
      [{ type: "image", url: "https://example.com/a.png" }],
      [{ type: "quickReplies", text: "Sure?", replies: [{ text: "Yes", postback: "yes" }, { text: "No" }] }],
    ],
  });
  expect(image).toEqual({ embeds: [{ image: { url: "https://example.com/a.png" } }] });
  expect(quick?.content).toBe("Sure?");
  expect(buttonsOf(quick)).toEqual([
    { type: 2, style: 2, label: "Yes", custom_id: "p:yes" },
    { type: 2, style: 2, label: "No", custom_id: "p:No" },
  ]);
});

test("more than 25 buttons continue in a further message, five per row", () => {
  const buttons = Array.from({ length: 27 }, (_, i) => ({ text: `B${i}`, postback: `b${i}` }));
  const messages = render(one({ type: "buttons", text: "Choose", buttons }));
  expect(messages.map((m) => m.components?.length)).toEqual([5, 1]);
  expect(messages[0]?.content).toBe("Choose");
  expect(buttonsOf(messages[1]).map((b) => ("label" in b ? b.label : undefined))).toEqual(["B25", "B26"]);
});

test("a carousel of cards with buttons holds five cards per message (one row each)", () => {
  const cards: Card[] = Array.from({ length: 7 }, (_, i) => ({
    title: `Card ${i}`,
    buttons: [{ text: "Pick", postback: "pick" }],
  }));
  const codec = new PostbackCodec();
  const messages = render(one({ type: "carousel", cards }), codec);
  expect(messages.map((m) => [m.embeds?.length, m.components?.length])).toEqual([
    [5, 5],
    [2, 2],
  ]);
  // custom_ids must be unique within a message: repeats get tokens that still decode to the postback.
  const ids = buttonsOf(messages[0]).map((b) => ("custom_id" in b ? b.custom_id : ""));
  expect(new Set(ids).size).toBe(5);
  expect(ids.map((id) => codec.decode(id))).toEqual(Array(5).fill("pick"));
});

test("text after an attachment starts a new message, so the order the bot wrote is kept", () => {
  const messages = render(
    one(
      { type: "text", text: "Before" },
      { type: "card", card: { title: "T", buttons: [] } },
      { type: "text", text: "After" },
    ),
  );
  expect(messages).toEqual([{ content: "Before", embeds: [{ title: "T" }] }, { content: "After" }]);
});

test("long text with buttons: the buttons ride on the last piece of text", () => {
  const text = `${"a".repeat(1500)}. ${"b".repeat(1500)}.`;
  const messages = render(one({ type: "buttons", text, buttons: [{ text: "OK" }] }));
  expect(messages).toHaveLength(2);
  expect(messages[0]?.components).toBeUndefined();
  expect(buttonsOf(messages[1]).map((b) => ("label" in b ? b.label : undefined))).toEqual(["OK"]);
});

test("a delay splits the message and becomes a pause between the two", () => {
  const steps = renderReply(
    one({ type: "text", text: "one" }, { type: "delay", seconds: 2 }, { type: "text", text: "two" }),
    new PostbackCodec(),
  );
  expect(steps).toEqual([
    { kind: "message", message: { content: "one" } },
    { kind: "delay", seconds: 2 },
    { kind: "message", message: { content: "two" } },
  ]);
});

test("URLs Discord would reject are not sent as link buttons or embed images", () => {
  const [message] = render(
    one(
      { type: "buttons", buttons: [{ text: "Call", url: "tel:123" }] },
      { type: "image", url: "file:///etc/passwd" },
    ),
  );
  expect(buttonsOf(message)).toEqual([{ type: 2, style: 1, label: "Call", custom_id: "p:Call" }]);
  expect(message?.embeds).toEqual([{ description: "file:///etc/passwd" }]);
});
