// The Telegram rendering of the parts the end-to-end tests do not reach.
import type { Reply, ReplyPart } from "@parley/core";
import { describe, expect, it } from "vitest";
import { PostbackCodec } from "./postback-codec.js";
import { renderReply } from "./render-reply.js";

const settings = () => ({ codec: new PostbackCodec(), buttonsPrompt: "Please choose:", maxDelaySeconds: 5 });
const one = (...parts: ReplyPart[]): Reply => ({ messages: [parts] });

describe("rendering a reply for Telegram", () => {
  it("puts a card without an image in a text message that carries its keyboard", () => {
    const out = renderReply(
      one({ type: "card", card: { title: "No picture", buttons: [{ text: "Go", postback: "go" }] } }),
      settings(),
    );
    expect(out).toEqual([
      {
        kind: "text",
        html: "<b>No picture</b>",
        inline: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] },
      },
    ]);
  });

  it("sends the photo alone and the words after it when a caption would pass 1024 characters", () => {
    const subtitle = "word ".repeat(300).trim();
    const out = renderReply(
      one({ type: "card", card: { image: "https://i.example/x.png", title: "T", subtitle, buttons: [] } }),
      settings(),
    );
    expect(out.map((o) => o.kind)).toEqual(["photo", "text"]);
    expect(out[0]).toEqual({ kind: "photo", url: "https://i.example/x.png" });
    expect(out[1]).toMatchObject({ kind: "text", html: `<b>T</b>\n${subtitle}` });
  });

  it("gives buttons with no words the configured prompt, and URL buttons a url", () => {
    const out = renderReply(
      one({ type: "buttons", buttons: [{ text: "Docs", url: "https://d.example" }] }),
      settings(),
    );
    expect(out).toEqual([
      {
        kind: "text",
        html: "Please choose:",
        inline: { inline_keyboard: [[{ text: "Docs", url: "https://d.example" }]] },
      },
    ]);
  });

  it("gathers text, links and lists into one formatted message, escaping link text and URLs", () => {
    const out = renderReply(
      one(
        { type: "text", text: "See:" },
        { type: "link", text: "Terms & <conditions>", url: 'https://x.example/?a=1&b="2"' },
        { type: "list", ordered: false, items: ["one", "two"] },
      ),
      settings(),
    );
    expect(out).toEqual([
      {
        kind: "text",
        html: 'See:\n<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">Terms &amp; &lt;conditions&gt;</a>\n• one\n• two',
      },
    ]);
  });

  it("turns a delay into a pause between the messages around it, capped", () => {
    const out = renderReply(
      one(
        { type: "text", text: "Wait for it" },
        { type: "delay", seconds: 60 },
        { type: "text", text: "Now!" },
      ),
      settings(),
    );
    expect(out).toEqual([
      { kind: "text", html: "Wait for it" },
      { kind: "pause", seconds: 5 },
      { kind: "text", html: "Now!" },
    ]);
  });
});
