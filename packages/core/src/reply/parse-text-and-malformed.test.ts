import { describe, expect, it } from "vitest";
import { parseReply } from "./index.js";

const one = (markup: string) => parseReply([markup]).messages;

describe("parseReply: plain text, entities and broken markup", () => {
  it("returns plain text as one text part", () => {
    expect(one("Hello, I am Parley.")).toEqual([[{ type: "text", text: "Hello, I am Parley." }]]);
  });

  it("turns <br/> (and <br>) into line breaks and collapses other whitespace", () => {
    expect(one("Line one<br/>Line   two<br>\n  Line three")).toEqual([
      [{ type: "text", text: "Line one\nLine two\nLine three" }],
    ]);
    expect(one("A<br/><br/>B")).toEqual([[{ type: "text", text: "A\n\nB" }]]);
  });

  it("decodes XML, HTML and numeric entities exactly once", () => {
    expect(one("Tom &amp; Jerry &lt;3 &quot;hi&quot; caf&eacute; &#233; &#x41;&nbsp;B &amp;lt;")).toEqual([
      [{ type: "text", text: 'Tom & Jerry <3 "hi" café é A\u00a0B &lt;' }],
    ]);
  });

  it("keeps literal angle brackets that are not tags", () => {
    expect(one("2 < 3 and 5 > 4")).toEqual([[{ type: "text", text: "2 < 3 and 5 > 4" }]]);
  });

  it("degrades unknown tags to their text", () => {
    expect(one("This is <b>bold</b> and <foo bar='1'>odd</foo>.")).toEqual([
      [{ type: "text", text: "This is bold and odd." }],
    ]);
  });

  it("degrades structural tags used out of place to their text", () => {
    expect(one("<title>Just</title> <text>words</text> <postback>here</postback> <item>x</item>")).toEqual([
      [{ type: "text", text: "Just words here x" }],
    ]);
  });

  it("degrades a link without a URL and a non-numeric delay to their text", () => {
    expect(one("<link><text>nowhere</text></link> <delay>soon</delay>")).toEqual([
      [{ type: "text", text: "nowhere soon" }],
    ]);
  });

  it("drops rich elements that hold nothing", () => {
    expect(one("Hi<button></button><image> </image><card></card><olist></olist><delay></delay>")).toEqual([
      [{ type: "text", text: "Hi" }],
    ]);
  });

  it("never throws on malformed markup and keeps the words", () => {
    const inputs = [
      "<button><text>Yes</text><postback>Y",
      "</button>stray end tag",
      "<card><title>T</card></title>",
      "<<<>>>",
      "<a href=",
      "<![CDATA[raw <b>text</b>]]>",
      "<!-- a comment -->after",
      "<carousel>no cards</carousel>",
    ];
    const results = inputs.map((input) => parseReply([input]));
    expect(results[0]?.messages).toEqual([[{ type: "buttons", buttons: [{ text: "Yes", postback: "Y" }] }]]);
    expect(results[1]?.messages).toEqual([[{ type: "text", text: "stray end tag" }]]);
    expect(results[2]?.messages).toEqual([[{ type: "card", card: { title: "T", buttons: [] } }]]);
    expect(results[5]?.messages).toEqual([[{ type: "text", text: "raw <b>text</b>" }]]);
    expect(results[6]?.messages).toEqual([[{ type: "text", text: "after" }]]);
    expect(results[7]?.messages).toEqual([[{ type: "text", text: "no cards" }]]);
  });

  it("returns no messages for empty or blank responses", () => {
    expect(parseReply([])).toEqual({ messages: [] });
    expect(parseReply([""])).toEqual({ messages: [] });
    expect(parseReply(["  ", "<br/>"])).toEqual({ messages: [] });
  });

  it("joins the responses of one call (one per sentence) into the same message", () => {
    expect(parseReply(["Hi Bob.", "I am fine."]).messages).toEqual([
      [{ type: "text", text: "Hi Bob. I am fine." }],
    ]);
    expect(parseReply(["First.<split/>", "Second."]).messages).toEqual([
      [{ type: "text", text: "First." }],
      [{ type: "text", text: "Second." }],
    ]);
  });

  it("survives non-string entries from a misbehaving backend", () => {
    expect(parseReply([null as unknown as string, "ok"]).messages).toEqual([[{ type: "text", text: "ok" }]]);
  });
});
