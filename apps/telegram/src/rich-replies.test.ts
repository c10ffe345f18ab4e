// Every ReplyPart rendered natively, checked at the fake Bot API, in both modes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, type Mode, startHarness } from "./test-support/harness.js";
import { CARD_MARKUP, LONG_POSTBACK, LONG_TEXT } from "./test-support/memory-backend.js";
import { callbackUpdate, group, messageUpdate, person, privateChat, textMessage } from "./testing/updates.js";

const alice = person(2001, "Alice");
const chat = privateChat(alice);

describe.each<Mode>(["polling", "webhook"])("rich replies (%s)", (mode) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(mode);
  });
  afterEach(async () => {
    await h.close();
  });

  const say = (text: string) => h.deliver(messageUpdate(textMessage(chat, alice, text)));

  it("round-trips an inline button press, long postbacks included", async () => {
    await say("buttons");
    const menu = await h.fake.waitFor("sendMessage");
    expect(menu.params.text).toBe("Pick one:");
    const [[red], [warranty]] = menu.params.reply_markup.inline_keyboard;
    expect(red).toEqual({ text: "Red", callback_data: "color red" });
    expect(warranty.text).toBe("Warranty");
    expect(Buffer.byteLength(warranty.callback_data)).toBeLessThanOrEqual(64);

    await h.deliver(callbackUpdate(alice, menu.result, red.callback_data));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You picked red.");
    await h.deliver(callbackUpdate(alice, menu.result, warranty.callback_data));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Here are the warranty terms.");

    // Each press was acknowledged so the button stops spinning.
    expect(h.fake.callsOf("answerCallbackQuery")).toHaveLength(2);
    expect(h.backend.requests.map((r) => r.input)).toEqual(["buttons", "color red", LONG_POSTBACK]);
  });

  it("acknowledges a press on an unknown long-postback token and sends nothing to the bot", async () => {
    await say("buttons");
    const menu = await h.fake.waitFor("sendMessage");
    await h.deliver(callbackUpdate(alice, menu.result, "~forgedtoken123"));
    const ack = await h.fake.waitFor("answerCallbackQuery");
    expect(ack.params.text).toBe("This button has expired.");
    await say("ping");
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: ping");
    expect(h.backend.requests.map((r) => r.input)).toEqual(["buttons", "ping"]);
  });

  it("renders a card as a photo with a caption and its buttons", async () => {
    await say("card");
    const photo = await h.fake.waitFor("sendPhoto");
    expect(photo.params).toMatchObject({
      chat_id: String(alice.id),
      photo: "https://img.example.com/tea.png",
      caption: "<b>Green tea</b>\nFresh &amp; hot &lt;today&gt;",
      parse_mode: "HTML",
    });
    expect(photo.params.reply_markup.inline_keyboard).toEqual([
      [{ text: "Buy", callback_data: "buy tea" }],
      [{ text: "Read more", url: "https://example.com/tea" }],
    ]);
    expect(CARD_MARKUP).toContain("<card>");
  });

  it("renders a carousel as one card after another", async () => {
    await say("carousel");
    const photos = await h.fake.waitForCount("sendPhoto", 2);
    expect(
      photos.map((p) => [p.params.photo, p.params.caption, p.params.reply_markup.inline_keyboard]),
    ).toEqual([
      [
        "https://img.example.com/a.png",
        "<b>Alpha</b>\nFirst",
        [[{ text: "Pick Alpha", callback_data: "pick alpha" }]],
      ],
      [
        "https://img.example.com/b.png",
        "<b>Beta</b>\nSecond",
        [[{ text: "Pick Beta", callback_data: "pick beta" }]],
      ],
    ]);
  });

  it("splits text over 4096 characters at paragraph boundaries, losing nothing", async () => {
    await say("long");
    await h.fake.waitFor("sendMessage");
    await h.fake.waitFor("sendMessage", (c) =>
      (c.params.text as string).endsWith("paragraph 12, kept plain."),
    );
    const texts = h.fake.callsOf("sendMessage").map((c) => c.params.text as string);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text.startsWith("Paragraph ")).toBe(true);
    }
    expect(texts.join("\n\n")).toBe(LONG_TEXT);
  });

  it("escapes markup in text so user words never break formatting", async () => {
    await say("I <3 <b>bold</b> & co");
    const sent = await h.fake.waitFor("sendMessage");
    expect(sent.params.text).toBe("You said: I &lt;3 &lt;b&gt;bold&lt;/b&gt; &amp; co");
    expect(sent.params.parse_mode).toBe("HTML");
  });

  it("offers quick replies as a one-time keyboard whose labels map back to postbacks", async () => {
    await say("quick");
    const offer = await h.fake.waitFor("sendMessage");
    expect(offer.params.text).toBe("Tea or coffee?");
    expect(offer.params.reply_markup).toMatchObject({
      keyboard: [[{ text: "Tea" }, { text: "Coffee" }]],
      one_time_keyboard: true,
    });
    await say("Tea");
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Tea it is.");
    expect(h.backend.requests.map((r) => r.input)).toEqual(["quick", "i choose tea"]);
  });

  it("in a group, shows quick replies to the person asked and takes only that person's tap", async () => {
    const room = group(-100777);
    const bob = person(2002, "Bob");
    const question = textMessage(room, alice, "@parley_test_bot quick");
    await h.deliver(messageUpdate(question));
    const offer = await h.fake.waitFor("sendMessage");
    expect(offer.params.reply_parameters).toMatchObject({ message_id: question.message_id });
    expect(offer.params.reply_markup).toMatchObject({ selective: true, one_time_keyboard: true });

    // Bob's "Tea" is chatter in the group; Alice's is her tap on the keyboard.
    await h.deliver(messageUpdate(textMessage(room, bob, "Tea")));
    await h.deliver(messageUpdate(textMessage(room, alice, "Tea")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Tea it is.");
    expect(h.backend.requests.map((r) => [r.interlocutor.userId, r.input])).toEqual([
      [String(alice.id), "quick"],
      [String(alice.id), "i choose tea"],
    ]);
  });

  it("sends split messages separately, media natively and lists as formatted text", async () => {
    await say("split");
    await h.fake.waitForCount("sendMessage", 2);
    await say("media");
    const photo = await h.fake.waitFor("sendPhoto");
    const video = await h.fake.waitFor("sendVideo");
    await say("list");
    const list = await h.fake.waitForCount("sendMessage", 3);
    expect(list.slice(0, 2).map((c) => c.params.text)).toEqual(["First bubble.", "Second bubble."]);
    expect(photo.params.photo).toBe("https://img.example.com/cat.jpg");
    expect(video.params.video).toBe("https://vid.example.com/cat.mp4");
    expect(list[2]?.params.text).toBe("Steps:\n1. Boil &amp; pour\n2. Wait");
  });
});
