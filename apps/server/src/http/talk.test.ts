import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BROKEN_AIML, createCompiledBot, MEMORY_AIML } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const key = { user_key: TEST_USER_KEY };

describe("talk and atalk over HTTP", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const talkUrl = (query: Record<string, string>, form = "talk", bot = "membot") =>
    h.url(`/${form}/${TEST_APP_ID}/${bot}`, { ...key, ...query });

  it("answers with parameters in the query string or in a form body", async () => {
    await createCompiledBot(h, "membot");
    const byQuery = await call("POST", talkUrl({ input: "hello" }));
    expect(byQuery.status).toBe(200);
    expect(byQuery.json).toEqual({ status: "ok", responses: ["Hi there!"], sessionid: 1 });

    const byForm = await call("POST", h.url(`/talk/${TEST_APP_ID}/membot`), {
      body: new URLSearchParams({ user_key: TEST_USER_KEY, input: "hello", sessionid: "1" }),
    });
    expect(byForm.json).toEqual({ status: "ok", responses: ["Hi there!"], sessionid: 1 });
  });

  it("gives one response per input sentence and issues sequential session ids", async () => {
    await createCompiledBot(h, "membot");
    const first = await call("POST", talkUrl({ input: "Hello. My name is Ada." }));
    expect(first.json.responses).toEqual(["Hi there!", "Nice to meet you, Ada."]);
    const second = await call("POST", talkUrl({ input: "hello", client_name: "someone" }));
    expect([first.json.sessionid, second.json.sessionid]).toEqual([1, 2]);
  });

  it("never issues a session id twice, across restarts", async () => {
    await createCompiledBot(h, "membot");
    const ids: number[] = [];
    for (let restart = 0; restart < 3; restart++) {
      for (let i = 0; i < 3; i++) ids.push((await call("POST", talkUrl({ input: "hello" }))).json.sessionid);
      await h.restart();
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Increasing, though a restart skips the rest of the block of ids reserved before it.
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(ids.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("talks through the public botkey form", async () => {
    await createCompiledBot(h, "membot");
    const botkey = h.server.botkey("membot") ?? "";
    const talk = await call("POST", h.url("/talk", { botkey, input: "hello" }));
    expect(talk.json.responses).toEqual(["Hi there!"]);
    const atalk = await call("POST", h.url("/atalk"), {
      body: new URLSearchParams({ botkey, input: "hello" }),
    });
    expect(atalk.json.client_name).toBe(`aiaas-${TEST_APP_ID}-user-0000`);
    expect((await call("POST", h.url("/talk", { botkey: "wrong", input: "hello" }))).status).toBe(401);
  });

  it("rejects missing or oversized input and bad client names or session ids with 400", async () => {
    await createCompiledBot(h, "membot");
    expect((await call("POST", talkUrl({}))).status).toBe(400);
    expect((await call("POST", talkUrl({ input: "a".repeat(2001) }))).status).toBe(400);
    expect((await call("POST", talkUrl({ input: "a".repeat(2000) }))).status).toBe(200);
    // 2000 non-ASCII characters percent-encode to 18 KB of query string.
    expect((await call("POST", talkUrl({ input: "語".repeat(2000) }))).status).toBe(200);
    expect((await call("POST", talkUrl({ input: "語".repeat(2001) }))).status).toBe(400);
    expect((await call("POST", talkUrl({ input: "hello", client_name: "Bad Name!" }))).status).toBe(400);
    expect((await call("POST", talkUrl({ input: "hello", sessionid: "abc" }))).status).toBe(400);
    expect((await call("POST", talkUrl({ input: "hello" }, "talk", "Bad_Bot"))).status).toBe(400);
  });

  it("answers 412 for an unknown bot and for a bot never compiled", async () => {
    expect((await call("POST", talkUrl({ input: "hello" }, "talk", "nobot"))).status).toBe(412);
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/fresh`, key));
    expect((await call("POST", talkUrl({ input: "hello" }, "talk", "fresh"))).status).toBe(412);
    expect((await call("POST", talkUrl({ input: "hello", recent: "true" }, "talk", "fresh"))).status).toBe(
      412,
    );
  });

  it("reports compile errors with file, line and message, and keeps the last good version serving", async () => {
    await createCompiledBot(h, "membot");
    const upload = await call("PUT", h.url(`/bot/${TEST_APP_ID}/membot/file/broken.aiml`, key), {
      body: BROKEN_AIML,
    });
    expect(upload.status).toBe(200);
    // Uploaded but not verified: the compiled version keeps answering.
    expect((await call("POST", talkUrl({ input: "hello" }))).json.responses).toEqual(["Hi there!"]);

    const verify = await call("GET", h.url(`/bot/${TEST_APP_ID}/membot/verify`, key));
    expect(verify.status).toBe(400);
    // The fake engine places the error at the unclosed <category>: line 3, column 1.
    expect(verify.json.results).toEqual([
      { file: "broken.aiml", line: 3, column: 1, message: "unclosed <category>" },
    ]);
    // After a failed verify the bot counts as not compiled unless recent=true asks for the last good one.
    expect((await call("POST", talkUrl({ input: "hello" }))).status).toBe(412);
    const recent = await call("POST", talkUrl({ input: "hello", recent: "true" }));
    expect(recent.json.responses).toEqual(["Hi there!"]);

    await call("DELETE", h.url(`/bot/${TEST_APP_ID}/membot/file/broken.aiml`, key));
    expect((await call("GET", h.url(`/bot/${TEST_APP_ID}/membot/verify`, key))).json).toEqual({
      status: "ok",
    });
    expect((await call("POST", talkUrl({ input: "hello" }))).status).toBe(200);
  });

  it("serves the stored compiled version after a restart, not files uploaded since", async () => {
    await createCompiledBot(h, "membot");
    const changed = MEMORY_AIML.replace("Hi there!", "Hello from the new upload!");
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/membot/file/memory.aiml`, key), { body: changed });
    await h.restart();
    expect((await call("POST", talkUrl({ input: "hello" }))).json.responses).toEqual(["Hi there!"]);
    await call("GET", h.url(`/bot/${TEST_APP_ID}/membot/verify`, key));
    expect((await call("POST", talkUrl({ input: "hello" }))).json.responses).toEqual([
      "Hello from the new upload!",
    ]);
  });

  it("returns extra match data, and trace only without client_name", async () => {
    await createCompiledBot(h, "membot");
    const extra = await call("POST", talkUrl({ input: "hello", extra: "true" }));
    expect(extra.json.extra).toEqual([
      expect.objectContaining({ input: expect.any(String), pattern: "HELLO", filename: "memory.aiml" }),
    ]);
    const trace = await call("POST", talkUrl({ input: "hello", trace: "true" }));
    expect(trace.json.trace?.length).toBeGreaterThan(0);
    const refused = await call("POST", talkUrl({ input: "hello", trace: "true", client_name: "someone" }));
    expect(refused.status).toBe(200);
    expect(refused.json.trace).toBeUndefined();
  });

  it("forgets predicates on reset=true", async () => {
    await createCompiledBot(h, "membot");
    await call("POST", talkUrl({ input: "my name is Ada", client_name: "ada1" }));
    expect(
      (await call("POST", talkUrl({ input: "what is my name", client_name: "ada1" }))).json.responses,
    ).toEqual(["Your name is Ada."]);
    const reset = await call(
      "POST",
      talkUrl({ input: "what is my name", client_name: "ada1", reset: "true" }),
    );
    expect(reset.json.responses).toEqual(["Your name is unknown."]);
  });

  it("refuses atalk with a client_name atalk never issued", async () => {
    await createCompiledBot(h, "membot");
    const response = await call("POST", talkUrl({ input: "hello", client_name: "madeup" }, "atalk"));
    expect(response.status).toBe(400);
  });

  it("keeps the session id while it is active and starts a new one after 30 idle minutes", async () => {
    await createCompiledBot(h, "membot");
    const first = await call("POST", talkUrl({ input: "hello", client_name: "ada1" }));
    const again = await call(
      "POST",
      talkUrl({ input: "hello", client_name: "ada1", sessionid: String(first.json.sessionid) }),
    );
    expect(again.json.sessionid).toBe(first.json.sessionid);
    h.clock.advance(31 * 60 * 1000);
    const later = await call(
      "POST",
      talkUrl({ input: "hello", client_name: "ada1", sessionid: String(first.json.sessionid) }),
    );
    expect(later.json.sessionid).not.toBe(first.json.sessionid);
  });
});
