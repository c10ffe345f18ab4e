import { afterEach, describe, expect, it } from "vitest";
import { createCompiledBot } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

describe("credentials and plan limits", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });

  it("answers 401 without detail for a wrong or missing user key or app id, on every route group", async () => {
    h = await startHarness();
    const server = h;
    const attempts = [
      call("GET", server.url(`/bot/${TEST_APP_ID}`)),
      call("GET", server.url(`/bot/${TEST_APP_ID}`, { user_key: "guess" })),
      call("GET", server.url("/bot/otherapp", { user_key: TEST_USER_KEY })),
      call("PUT", server.url(`/bot/${TEST_APP_ID}/newbot`, { user_key: "guess" })),
      call("PUT", server.url(`/bot/${TEST_APP_ID}/newbot/widget/x`, { user_key: "guess" }), { body: "x" }),
      call("POST", server.url(`/talk/${TEST_APP_ID}/newbot`, { user_key: "guess", input: "hi" })),
      call("POST", server.url("/atalk", { botkey: "guess", input: "hi" })),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ status: "error", message: "Unauthorized" });
    }
  });

  it("never logs user keys or botkeys, and logs method, path, status and duration", async () => {
    h = await startHarness();
    await createCompiledBot(h, "membot");
    const botkey = h.server.botkey("membot") ?? "";
    await call("POST", h.url("/talk", { botkey, input: "hello" }));
    const serialized = JSON.stringify(h.logs);
    expect(serialized).not.toContain(TEST_USER_KEY);
    expect(serialized).not.toContain(botkey);
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        msg: "request",
        obj: expect.objectContaining({ method: "POST", path: "/talk", status: 200, ms: expect.any(Number) }),
      }),
    );
  });

  it("answers a malformed URL with a plain 400 that never repeats the query string's user key", async () => {
    h = await startHarness();
    const base = h.url("/");
    for (const path of [`/bot/${TEST_APP_ID}/%E0%A4%A`, `/bot/${TEST_APP_ID}/membot/file/%ZZ`]) {
      const res = await fetch(`${base.replace(/\/$/, "")}${path}?user_key=${TEST_USER_KEY}`);
      const body = await res.text();
      expect(res.status).toBe(400);
      expect(JSON.parse(body)).toEqual({ status: "error", message: "Malformed request URL" });
      expect(body).not.toContain(TEST_USER_KEY);
    }
    expect(JSON.stringify(h.logs)).not.toContain(TEST_USER_KEY);
  });

  it("limits talk calls per minute per app with 429 and Retry-After", async () => {
    h = await startHarness({ limits: { talkPerMinute: 3 } });
    await createCompiledBot(h, "membot");
    h.clock.now = Date.UTC(2026, 0, 1, 12, 0, 15);
    const talk = () =>
      call("POST", h?.url(`/talk/${TEST_APP_ID}/membot`, { user_key: TEST_USER_KEY, input: "hello" }) ?? "");
    for (let i = 0; i < 3; i++) expect((await talk()).status).toBe(200);
    const limited = await talk();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
    h.clock.advance(45_000);
    expect((await talk()).status).toBe(200);
  });

  it("caps anonymous clients and bots with 401 as the plan limits say", async () => {
    h = await startHarness({ limits: { maxAnonymousClients: 2, maxBots: 1 } });
    await createCompiledBot(h, "membot");
    const over = await call("PUT", h.url(`/bot/${TEST_APP_ID}/second`, { user_key: TEST_USER_KEY }));
    expect(over.status).toBe(401);
    const atalk = () =>
      call("POST", h?.url(`/atalk/${TEST_APP_ID}/membot`, { user_key: TEST_USER_KEY, input: "hello" }) ?? "");
    expect((await atalk()).json.client_name).toBe(`aiaas-${TEST_APP_ID}-user-0000`);
    expect((await atalk()).json.client_name).toBe(`aiaas-${TEST_APP_ID}-user-0001`);
    expect((await atalk()).status).toBe(401);
  });
});
