import { describe, expect, it } from "vitest";
import { parseReply } from "./index.js";

const one = (markup: string) => parseReply([markup]).messages;

describe("parseReply: AIML rich-media elements", () => {
  it("turns text followed by buttons into one buttons part with that text as prompt", () => {
    expect(
      one(
        "Do you like pizza? <button><text>Yes</text><postback>LIKE PIZZA</postback></button> <button><text>No</text><postback>HATE PIZZA</postback></button>",
      ),
    ).toEqual([
      [
        {
          type: "buttons",
          text: "Do you like pizza?",
          buttons: [
            { text: "Yes", postback: "LIKE PIZZA" },
            { text: "No", postback: "HATE PIZZA" },
          ],
        },
      ],
    ]);
  });

  it("reads a bare <button>X</button> as text = postback = X", () => {
    expect(one("<button>Tell me more</button>")).toEqual([
      [{ type: "buttons", buttons: [{ text: "Tell me more", postback: "Tell me more" }] }],
    ]);
  });

  it("reads URL buttons (no postback) and a <text> without postback as its own postback", () => {
    expect(
      one(
        "<button><text>Docs</text><url>https://example.com/docs</url></button><button><text>Go</text></button>",
      ),
    ).toEqual([
      [
        {
          type: "buttons",
          buttons: [
            { text: "Docs", url: "https://example.com/docs" },
            { text: "Go", postback: "Go" },
          ],
        },
      ],
    ]);
  });

  it("labels a button holding only a postback or a url with that value", () => {
    expect(
      one("<button><postback>HELP</postback></button><button><url>https://x.test</url></button>"),
    ).toEqual([
      [
        {
          type: "buttons",
          buttons: [
            { text: "HELP", postback: "HELP" },
            { text: "https://x.test", url: "https://x.test" },
          ],
        },
      ],
    ]);
  });

  it("turns <reply> into quick replies, prompt included", () => {
    expect(
      one("Pick a size <reply><text>Small</text><postback>SIZE S</postback></reply><reply>Large</reply>"),
    ).toEqual([
      [
        {
          type: "quickReplies",
          text: "Pick a size",
          replies: [
            { text: "Small", postback: "SIZE S" },
            { text: "Large", postback: "Large" },
          ],
        },
      ],
    ]);
  });

  it("keeps text after buttons as its own part", () => {
    expect(one("<button>A</button> or type anything.")).toEqual([
      [
        { type: "buttons", buttons: [{ text: "A", postback: "A" }] },
        { type: "text", text: "or type anything." },
      ],
    ]);
  });

  it("reads links, with text or bare", () => {
    expect(
      one(
        "See <link><text>our site</text><url>https://example.com</url></link> <link>https://a.test/x</link>",
      ),
    ).toEqual([
      [
        { type: "text", text: "See" },
        { type: "link", text: "our site", url: "https://example.com" },
        { type: "link", text: "https://a.test/x", url: "https://a.test/x" },
      ],
    ]);
  });

  it("reads images and videos", () => {
    expect(one("<image> https://img.test/cat.png </image><video>https://vid.test/v.mp4</video>")).toEqual([
      [
        { type: "image", url: "https://img.test/cat.png" },
        { type: "video", url: "https://vid.test/v.mp4" },
      ],
    ]);
  });

  it("reads a card with image, title, subtitle and buttons", () => {
    expect(
      one(
        "<card><image>https://img.test/a.png</image><title>Pizza</title><subtitle>Hot &amp; fresh</subtitle><button><text>Order</text><postback>ORDER PIZZA</postback></button><link><text>Menu</text><url>https://menu.test</url></link></card>",
      ),
    ).toEqual([
      [
        {
          type: "card",
          card: {
            image: "https://img.test/a.png",
            title: "Pizza",
            subtitle: "Hot & fresh",
            buttons: [
              { text: "Order", postback: "ORDER PIZZA" },
              { text: "Menu", url: "https://menu.test" },
            ],
          },
        },
      ],
    ]);
  });

  it("reads a carousel of cards, and a one-card carousel as a card", () => {
    const carousel = one(
      "<carousel><card><title>A</title><button>Pick A</button></card> <card><title>B</title></card></carousel>",
    );
    expect(carousel).toEqual([
      [
        {
          type: "carousel",
          cards: [
            { title: "A", buttons: [{ text: "Pick A", postback: "Pick A" }] },
            { title: "B", buttons: [] },
          ],
        },
      ],
    ]);
    expect(one("<carousel><card><title>Only</title></card></carousel>")).toEqual([
      [{ type: "card", card: { title: "Only", buttons: [] } }],
    ]);
  });

  it("reads delays in seconds", () => {
    expect(one("Let me think<delay>2</delay>Done<delay>0.5</delay>")).toEqual([
      [
        { type: "text", text: "Let me think" },
        { type: "delay", seconds: 2 },
        { type: "text", text: "Done" },
        { type: "delay", seconds: 0.5 },
      ],
    ]);
  });

  it("reads ordered and unordered lists", () => {
    expect(
      one(
        "Steps:<olist><item>Mix</item><item>Bake <b>well</b></item></olist><list><item>salt</item> <item>pepper</item></list>",
      ),
    ).toEqual([
      [
        { type: "text", text: "Steps:" },
        { type: "list", ordered: true, items: ["Mix", "Bake well"] },
        { type: "list", ordered: false, items: ["salt", "pepper"] },
      ],
    ]);
  });

  it("starts a new message at every <split/>, never an empty one", () => {
    expect(one("Hello.<split/>How are you?<split/><split/>")).toEqual([
      [{ type: "text", text: "Hello." }],
      [{ type: "text", text: "How are you?" }],
    ]);
    expect(one("<split/>Hi<split>there")).toEqual([
      [{ type: "text", text: "Hi" }],
      [{ type: "text", text: "there" }],
    ]);
  });

  it("does not merge buttons across a split", () => {
    expect(one("Choose<split/><button>A</button>")).toEqual([
      [{ type: "text", text: "Choose" }],
      [{ type: "buttons", buttons: [{ text: "A", postback: "A" }] }],
    ]);
  });

  it("handles nesting: rich elements inside unknown wrappers still count", () => {
    expect(one("<div>Hi <i>there</i> <button>OK</button></div>")).toEqual([
      [{ type: "buttons", text: "Hi there", buttons: [{ text: "OK", postback: "OK" }] }],
    ]);
  });

  it("reads HTML links and images written by older bots", () => {
    expect(
      one('See <a href="https://x.test/?a=1&amp;b=2">the page</a> <img src="https://x.test/p.png"> done'),
    ).toEqual([
      [
        { type: "text", text: "See" },
        { type: "link", text: "the page", url: "https://x.test/?a=1&b=2" },
        { type: "image", url: "https://x.test/p.png" },
        { type: "text", text: "done" },
      ],
    ]);
    expect(one("<a>no href</a>")).toEqual([[{ type: "text", text: "no href" }]]);
  });

  it("never shows out-of-band instructions", () => {
    expect(one("Calling now.<oob><dial>555-1234</dial></oob>")).toEqual([
      [{ type: "text", text: "Calling now." }],
    ]);
  });

  it("accepts upper-case tag names", () => {
    expect(one("<BUTTON>Yes</BUTTON>")).toEqual([
      [{ type: "buttons", buttons: [{ text: "Yes", postback: "Yes" }] }],
    ]);
  });
});
