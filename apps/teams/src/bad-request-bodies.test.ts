// Malformed and oversized bodies on POST /api/messages, sent with a valid token: a clear 4xx,
// nothing processed, nothing crashes, and the next genuine activity is still answered.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./http/body-limit.js";
import { personalMessage } from "./testing/activities.js";
import { startTeamsHarness, TEST_APP_ID, type TeamsHarness } from "./testing/teams-harness.js";

describe("POST /api/messages with a bad body", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const postRaw = (body: string) =>
    fetch(h.messagesUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${h.fake.channelToken({ appId: TEST_APP_ID, serviceUrl: h.fake.serviceUrl })}`,
      },
      body,
    });

  const expectNextAnswered = async () => {
    expect((await h.post(personalMessage(h.fake.serviceUrl, "ping"))).status).toBe(200);
    await h.fake.waitForMessages(1);
    expect(h.bot.inputs).toEqual(["ping"]);
    expect(h.fake.messages.map((m) => m.activity.text)).toEqual(["You said: ping"]);
  };

  it("answers malformed JSON with 400 and a reason", async () => {
    const res = await postRaw('{"type":"message","text":"half');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "body is not JSON" });
    await expectNextAnswered();
  });

  it("answers JSON that is not an activity with 400", async () => {
    const res = await postRaw("[1,2,3]");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "not a Bot Framework activity" });
    await expectNextAnswered();
  });

  it("answers a body over the limit with 413 (the client receives it) and keeps serving", async () => {
    const activity = personalMessage(h.fake.serviceUrl, "x".repeat(MAX_BODY_BYTES));
    const res = await postRaw(JSON.stringify(activity));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `body over ${MAX_BODY_BYTES} bytes` });
    await expectNextAnswered();
  });

  it("answers a body over the limit sent without a Content-Length (chunked) with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(h.messagesUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${h.fake.channelToken({ appId: TEST_APP_ID, serviceUrl: h.fake.serviceUrl })}`,
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    // The unread rest is not left hanging on a kept-alive connection (it would stall shutdown).
    expect(res.headers.get("connection")).toBe("close");
    await expectNextAnswered();
  });
});
