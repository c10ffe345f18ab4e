// Telegram's 429: wait retry_after, resend once, and keep the chat's messages in order.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, type Mode, startHarness } from "./test-support/harness.js";
import { messageUpdate, person, privateChat, textMessage } from "./testing/updates.js";

const alice = person(3001, "Alice");
const tooMany = {
  error_code: 429,
  description: "Too Many Requests: retry after 1",
  parameters: { retry_after: 1 },
};

describe.each<Mode>(["polling", "webhook"])("flood control (%s)", (mode) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(mode);
  });
  afterEach(async () => {
    await h.close();
  });

  it("waits retry_after after a 429, then delivers the message once and the next one after it", async () => {
    h.fake.failNext("sendMessage", tooMany);
    await h.deliver(messageUpdate(textMessage(privateChat(alice), alice, "split")));
    const calls = await h.fake.waitForCount("sendMessage", 3);
    expect(calls.map((c) => c.params.text)).toEqual(["First bubble.", "First bubble.", "Second bubble."]);
    // The first attempt was refused; each message reached the chat exactly once.
    expect(calls.map((c) => c.result !== undefined)).toEqual([false, true, true]);
  });

  it("drops the rest of a reply refused twice, without holding back the next reply", async () => {
    h.fake.failNext("sendMessage", tooMany);
    h.fake.failNext("sendMessage", tooMany);
    const chat = privateChat(alice);
    await h.deliver(messageUpdate(textMessage(chat, alice, "split")));
    await h.fake.waitForCount("sendMessage", 2);
    await h.deliver(messageUpdate(textMessage(chat, alice, "ping")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: ping");
    expect(h.fake.callsOf("sendMessage").map((c) => [c.params.text, c.result !== undefined])).toEqual([
      ["First bubble.", false],
      ["First bubble.", false],
      ["You said: ping", true],
    ]);
  });
});
