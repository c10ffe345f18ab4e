// End to end in both modes: fake Bot API -> telegraf -> channel -> core gateway -> backend -> back.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, type Mode, startHarness } from "./test-support/harness.js";
import { group, messageUpdate, person, privateChat, textMessage } from "./testing/updates.js";

const alice = person(1001, "Alice");
const bob = person(1002, "Bob");
const room = group(-100500);

describe.each<Mode>(["polling", "webhook"])("conversations (%s)", (mode) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(mode);
  });
  afterEach(async () => {
    await h.close();
  });

  const textsTo = (chatId: number) =>
    h.fake
      .callsOf("sendMessage")
      .filter((c) => Number(c.params.chat_id) === chatId)
      .map((c) => c.params.text as string);

  it("answers every message in a private chat, showing typing first", async () => {
    await h.deliver(messageUpdate(textMessage(privateChat(alice), alice, "hi there")));
    const sent = await h.fake.waitFor("sendMessage");
    expect(sent.params).toMatchObject({
      chat_id: String(alice.id),
      text: "You said: hi there",
      parse_mode: "HTML",
    });
    // Private chats need no quoting of the question.
    expect(sent.params.reply_parameters).toBeUndefined();
    const typing = h.fake.callsOf("sendChatAction");
    expect(typing[0]?.params).toMatchObject({ chat_id: String(alice.id), action: "typing" });
    expect(h.fake.calls.indexOf(typing[0] as never)).toBeLessThan(h.fake.calls.indexOf(sent));
  });

  it("ignores a group message without a mention and answers one with it, mention stripped", async () => {
    const unaddressed = textMessage(room, alice, "anyone seen my keys?");
    await h.deliver(messageUpdate(unaddressed));
    const addressed = textMessage(room, alice, "@parley_test_bot where are my keys?");
    await h.deliver(messageUpdate(addressed));

    const sent = await h.fake.waitFor("sendMessage");
    expect(sent.params.text).toBe("You said: where are my keys?");
    expect(sent.params.chat_id).toBe(String(room.id));
    // In a group the answer quotes the question it answers.
    expect(sent.params.reply_parameters).toMatchObject({ message_id: addressed.message_id });
    expect(h.backend.requests.map((r) => r.input)).toEqual(["where are my keys?"]);
  });

  it("answers a reply to the bot and a command addressed to it, but not one for another bot", async () => {
    await h.deliver(messageUpdate(textMessage(room, alice, "/help@some_other_bot")));
    const botMessage = {
      message_id: 9,
      date: 0,
      chat: room,
      from: { ...h.fake.bot, is_bot: true },
      text: "Hi",
    };
    await h.deliver(messageUpdate(textMessage(room, alice, "thanks!", { reply_to_message: botMessage })));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: thanks!");
    await h.deliver(messageUpdate(textMessage(room, alice, "/help@parley_test_bot now")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: /help now");
    expect(h.backend.requests.map((r) => r.input)).toEqual(["thanks!", "/help now"]);
  });

  it("keeps separate memories for two people in one group", async () => {
    await h.deliver(messageUpdate(textMessage(room, alice, "@parley_test_bot my name is Alice")));
    await h.deliver(messageUpdate(textMessage(room, bob, "@parley_test_bot my name is Bob")));
    await h.fake.waitForCount("sendMessage", 2);
    await h.deliver(messageUpdate(textMessage(room, alice, "@parley_test_bot what is my name")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Your name is Alice.");
    await h.deliver(messageUpdate(textMessage(room, bob, "@parley_test_bot what is my name")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Your name is Bob.");
    expect(new Set(h.backend.requests.map((r) => r.interlocutor.userId))).toEqual(
      new Set([String(alice.id), String(bob.id)]),
    );
  });

  it("/start greets with the configured input and /reset starts a new session", async () => {
    const chat = privateChat(alice);
    await h.deliver(messageUpdate(textMessage(chat, alice, "/start")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Hello! I am the test bot.");
    await h.deliver(messageUpdate(textMessage(chat, alice, "my name is Alice")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Nice to meet you, Alice.");
    await h.deliver(messageUpdate(textMessage(chat, alice, "/reset")));
    await h.fake.waitForCount("sendMessage", 3);
    await h.deliver(messageUpdate(textMessage(chat, alice, "what is my name")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "I don't know your name yet.");
    expect(h.backend.requests.map((r) => [r.input, r.reset ?? false])).toEqual([
      ["hello", false],
      ["my name is Alice", false],
      ["hello", true],
      ["what is my name", false],
    ]);
  });

  it("answers a sticker with the non-text reply, ignores edits and repeated update ids", async () => {
    const chat = privateChat(alice);
    await h.deliver(
      messageUpdate({
        message_id: 77,
        date: 0,
        chat: { id: alice.id, type: "private" },
        from: alice,
        sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512 },
      }),
    );
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Sorry, I can only read text messages.");
    await h.deliver({ edited_message: textMessage(chat, alice, "edited words") });
    const repeated = messageUpdate(textMessage(chat, alice, "only once"), 424242);
    await h.deliver(repeated);
    await h.deliver(repeated);
    await h.deliver(messageUpdate(textMessage(chat, alice, "last")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: last");
    expect(textsTo(alice.id)).toEqual([
      "Sorry, I can only read text messages.",
      "You said: only once",
      "You said: last",
    ]);
    expect(h.backend.requests.map((r) => r.input)).toEqual(["only once", "last"]);
  });

  it("answers inside the forum topic the question was asked in", async () => {
    const question = textMessage(room, alice, "@parley_test_bot topic question", {
      is_topic_message: true,
      message_thread_id: 314,
    });
    await h.deliver(messageUpdate(question));
    const sent = await h.fake.waitFor("sendMessage");
    expect(sent.params).toMatchObject({ text: "You said: topic question", message_thread_id: 314 });
  });

  it("shows typing during a delay, between the messages around it", async () => {
    await h.deliver(messageUpdate(textMessage(privateChat(alice), alice, "delay")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "Got it.");
    const afterFirst = h.fake.calls.slice(h.fake.calls.findIndex((c) => c.params.text === "Let me think."));
    const sends = afterFirst.filter((c) => c.method.startsWith("send"));
    expect(sends.map((c) => c.method)).toEqual(["sendMessage", "sendChatAction", "sendMessage"]);
  });
});
