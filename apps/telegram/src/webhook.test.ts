// Webhook mode: registration with a secret, refusal of calls without it, redelivered updates handled once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLogger } from "./test-support/capture-logger.js";
import { type Harness, startHarness, WEBHOOK_SECRET } from "./test-support/harness.js";
import { messageUpdate, person, privateChat, textMessage } from "./testing/updates.js";

const alice = person(4001, "Alice");
const chat = privateChat(alice);

describe("webhook mode", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness("webhook");
  });
  afterEach(async () => {
    await h.close();
  });

  it("registers the webhook URL with its secret and only the updates it handles", async () => {
    const registered = await h.fake.waitFor("setWebhook");
    expect(registered.params.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/telegram\/webhook$/);
    expect(registered.params.secret_token).toBe(WEBHOOK_SECRET);
    expect(registered.params.allowed_updates).toEqual(["message", "callback_query"]);
  });

  it("refuses a call with a wrong or missing secret header and processes nothing from it", async () => {
    const wrong = await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "forged one")), {
      secret: "not-the-secret",
    });
    const missing = await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "forged two")), {
      secret: null,
    });
    expect([wrong, missing]).toEqual([403, 403]);

    expect(await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "genuine")))).toBe(200);
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: genuine");
    expect(h.backend.requests.map((r) => r.input)).toEqual(["genuine"]);
    expect(h.fake.callsOf("sendMessage")).toHaveLength(1);
  });

  it("handles an update Telegram redelivers (same update_id) only once", async () => {
    const update = messageUpdate(textMessage(chat, alice, "once please"), 90001);
    expect(await h.fake.postToWebhook(update)).toBe(200);
    expect(await h.fake.postToWebhook(update)).toBe(200);
    await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "after")));
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: after");
    expect(h.fake.callsOf("sendMessage").map((c) => c.params.text)).toEqual([
      "You said: once please",
      "You said: after",
    ]);
  });

  it("while stopping, answers 503 so Telegram redelivers, and still delivers what it had accepted", async () => {
    h.backend.holdSlow();
    await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "slow")));
    await h.fake.waitFor("sendChatAction");
    const stopping = h.gateway.stop();
    expect(await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "during shutdown")))).toBe(503);
    h.backend.releaseSlow();
    await stopping;
    expect(h.fake.callsOf("sendMessage").map((c) => c.params.text)).toEqual(["You said: slow"]);
    expect(h.backend.requests.map((r) => r.input)).toEqual(["slow"]);
  });

  it("refuses webhook calls once stopped", async () => {
    await h.gateway.stop();
    expect(await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "too late")))).toBe(503);
    expect(h.backend.requests).toHaveLength(0);
  });
});

describe("webhook URL with a query string", () => {
  it("is served on its path and accepts Telegram's posts to it", async () => {
    const h = await startHarness("webhook", {}, "/hooks/tg?bot=support");
    try {
      expect(h.channel.routes?.map((r) => r.path)).toEqual(["/hooks/tg"]);
      expect(await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "via query")))).toBe(200);
      await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: via query");
    } finally {
      await h.close();
    }
  });
});

describe("the start-up log line", () => {
  it("names the webhook's origin and path, never its query string or the secret", async () => {
    const logger = captureLogger();
    const h = await startHarness("webhook", { logger }, "/hooks/tg?key=proxy-credential-123");
    try {
      const line = logger.lines.find((l) => l.msg === "telegram webhook registered");
      expect(line?.data.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/tg$/);
      const everything = JSON.stringify(logger.lines);
      expect(everything).not.toContain("proxy-credential-123");
      expect(everything).not.toContain("key=");
      expect(everything).not.toContain(WEBHOOK_SECRET);
    } finally {
      await h.close();
    }
  });
});
