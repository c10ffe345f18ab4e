// Webhook calls with the right secret but a bad body: a clear 4xx, nothing processed, nothing
// crashes, and Telegram's next update is still answered.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BODY_BYTES } from "./inbound/read-update-body.js";
import { captureLogger } from "./test-support/capture-logger.js";
import { type Harness, startHarness, WEBHOOK_SECRET } from "./test-support/harness.js";
import { messageUpdate, person, privateChat, textMessage } from "./testing/updates.js";

const alice = person(4101, "Alice");
const chat = privateChat(alice);

describe("webhook call with a bad body", () => {
  let h: Harness;
  const logger = captureLogger();
  beforeEach(async () => {
    logger.lines.length = 0;
    h = await startHarness("webhook", { logger });
    await h.fake.waitFor("setWebhook");
  });
  afterEach(async () => {
    await h.close();
  });

  const webhookUrl = () => h.fake.webhook?.url ?? "";
  const postRaw = (body: BodyInit, init: RequestInit = {}) =>
    fetch(webhookUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
      body,
      ...init,
    });

  const expectNextAnswered = async () => {
    expect(await h.fake.postToWebhook(messageUpdate(textMessage(chat, alice, "next")))).toBe(200);
    await h.fake.waitFor("sendMessage", (c) => c.params.text === "You said: next");
    expect(h.backend.requests.map((r) => r.input)).toEqual(["next"]);
    expect(h.fake.callsOf("sendMessage")).toHaveLength(1);
  };

  it("answers malformed JSON with 400 and a reason", async () => {
    const res = await postRaw('{"update_id":7,"message":{"text":"hal');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "body is not JSON" });
    expect(logger.lines.some((l) => l.level === "warn" && l.data.status === 400)).toBe(true);
    await expectNextAnswered();
  });

  it("answers JSON that is not an update with 400", async () => {
    for (const body of ["null", "[1,2]", '"text"', '{"message":{"text":"no update_id"}}']) {
      const res = await postRaw(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "body is not a Telegram update" });
    }
    await expectNextAnswered();
  });

  it("answers a body over the limit with 413 and processes nothing from it", async () => {
    const huge = JSON.stringify(messageUpdate(textMessage(chat, alice, "x".repeat(MAX_WEBHOOK_BODY_BYTES))));
    const res = await postRaw(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `body over ${MAX_WEBHOOK_BODY_BYTES} bytes` });
    await expectNextAnswered();
  });

  it("answers a streamed body (no Content-Length) over the limit with 413 and closes that connection", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_WEBHOOK_BODY_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await postRaw(body, { duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    // The unread rest is not left hanging on a kept-alive connection (it would stall shutdown).
    expect(res.headers.get("connection")).toBe("close");
    await expectNextAnswered();
  });

  it("refuses a bad body without the secret with 403, before reading it", async () => {
    const res = await fetch(webhookUrl(), { method: "POST", body: "not json at all" });
    expect(res.status).toBe(403);
    await expectNextAnswered();
  });
});
