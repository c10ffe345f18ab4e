import { describe, expect, it } from "vitest";
import { parseReply, partToText, replyToText } from "./index.js";

describe("replyToText: the plain-text fallback", () => {
  it("renders every part so nothing the bot said is lost", () => {
    const reply = parseReply([
      "Menu:<olist><item>Pizza</item><item>Pasta</item></olist><list><item>salt</item></list>" +
        "<button><text>Order</text><postback>ORDER</postback></button><button><text>Site</text><url>https://s.test</url></button>" +
        "<split/><image>https://i.test/p.png</image><video>https://v.test/a.mp4</video><delay>1</delay>" +
        "<link><text>Docs</text><url>https://d.test</url></link><link>https://bare.test</link>" +
        "<carousel><card><title>A</title><subtitle>first</subtitle><image>https://i.test/a.png</image><button>Pick A</button></card><card><title>B</title></card></carousel>" +
        "Size? <reply>S</reply><reply>L</reply>",
    ]);
    expect(replyToText(reply)).toBe(
      [
        "Menu:",
        "1. Pizza",
        "2. Pasta",
        "- salt",
        "[Order] [Site] https://s.test",
        "",
        "https://i.test/p.png",
        "https://v.test/a.mp4",
        "Docs: https://d.test",
        "https://bare.test",
        "A",
        "first",
        "https://i.test/a.png",
        "[Pick A]",
        "",
        "B",
        "Size?",
        "[S] [L]",
      ].join("\n"),
    );
  });

  it("renders a delay as nothing and a text part as itself", () => {
    expect(partToText({ type: "delay", seconds: 3 })).toBe("");
    expect(partToText({ type: "text", text: "hi" })).toBe("hi");
    expect(replyToText({ messages: [] })).toBe("");
  });
});
