import type { Interlocutor } from "@parley/core";
import { TalkApiError, TalkNetworkError } from "@parley/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PandorabotsClient } from "../client/index.js";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { PandorabotsBackend } from "./pandorabots-backend.js";

const MIN = 60_000;
let fake: FakePandorabots;
let clock: number;
let backend: PandorabotsBackend;

beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: ["mybot"], botkeys: { bk1: "mybot" } });
  clock = 1_000_000;
  backend = new PandorabotsBackend({
    client: new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: fake.userKey }),
    botname: "mybot",
    now: () => clock,
  });
});
afterEach(() => fake.close());

function person(over: Partial<Interlocutor> = {}): Interlocutor {
  return {
    id: "i1",
    bot: "mybot",
    channel: "test",
    userId: "u1",
    clientName: null,
    sessionId: null,
    lastSeenAt: null,
    createdAt: 0,
    ...over,
  };
}

describe("a person's conversation", () => {
  it("starts with atalk, then talks with the stored client name and session", async () => {
    const first = await backend.talk({ interlocutor: person(), input: "Hello." });
    expect(fake.talkCalls().map((c) => c.endpoint)).toEqual(["atalk"]);
    expect(fake.talkCalls()[0]?.params.client_name).toBeUndefined();
    expect(first.responses).toEqual(["You said: Hello."]);
    expect(first.interlocutor?.clientName).toBe("aiaas-app1-user-0000");
    const sessionId = first.interlocutor?.sessionId;
    expect(sessionId).toMatch(/^\d+$/);

    clock += 5 * MIN;
    const stored = person({ clientName: "aiaas-app1-user-0000", sessionId, lastSeenAt: clock - 5 * MIN });
    const second = await backend.talk({ interlocutor: stored, input: "And you?" });
    const call = fake.talkCalls()[1];
    expect(call).toMatchObject({ endpoint: "talk", path: "/talk/app1/mybot" });
    expect(call?.params).toMatchObject({ client_name: "aiaas-app1-user-0000", sessionid: sessionId });
    expect(second.interlocutor).toEqual({ clientName: "aiaas-app1-user-0000", sessionId });
    expect(fake.state.anonymousClients.size).toBe(1);
  });

  it("starts a new session after 30 idle minutes, keeping the client name", async () => {
    const stored = person({ clientName: "person42", sessionId: "1234", lastSeenAt: clock - 30 * MIN });
    const res = await backend.talk({ interlocutor: stored, input: "Back again" });
    const call = fake.talkCalls()[0];
    expect(call?.params.sessionid).toBeUndefined();
    expect(call?.params.client_name).toBe("person42");
    expect(res.interlocutor?.sessionId).not.toBe("1234");

    const recent = person({ clientName: "person42", sessionId: "1234", lastSeenAt: clock - 29 * MIN });
    await backend.talk({ interlocutor: recent, input: "Still here" });
    expect(fake.talkCalls()[1]?.params.sessionid).toBe("1234");
  });

  it("on reset, drops the session and asks the talk API to reset", async () => {
    const stored = person({ clientName: "person42", sessionId: "1234", lastSeenAt: clock - MIN });
    await backend.talk({ interlocutor: stored, input: "start over", reset: true });
    const call = fake.talkCalls()[0];
    expect(call?.params.reset).toBe("true");
    expect(call?.params.sessionid).toBeUndefined();
  });

  it("splits input over 2000 characters at sentence ends and joins the answers in order", async () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `This is sentence number ${i} of a long letter.`);
    const input = sentences.join(" ");
    expect(input.length).toBeGreaterThan(2000);
    const res = await backend.talk({
      interlocutor: person({ clientName: "person42", lastSeenAt: clock }),
      input,
    });
    const calls = fake.talkCalls();
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) {
      expect(c.status).toBe(200);
      expect(c.params.input?.length).toBeLessThanOrEqual(2000);
      expect(c.params.input).toMatch(/letter\.$/);
    }
    // Every sentence answered once, in order, and the later calls continue the first call's session.
    expect(res.responses).toEqual(sentences.map((s) => `You said: ${s}`));
    expect(new Set(calls.map((c) => c.sessionid)).size).toBe(1);
  });

  it("a first message retried after a failure on its second piece does not create a second client", async () => {
    const long = "Hello there friend. ".repeat(120).trim();
    fake.failTalkAt(1, { status: 503, message: "busy" });
    const err = await backend.talk({ interlocutor: person(), input: long }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TalkApiError);
    expect(err).toMatchObject({ status: 503, retryable: true });

    // The queue retries with the interlocutor as stored: still without a client name.
    const res = await backend.talk({ interlocutor: person(), input: long });
    const calls = fake.talkCalls();
    expect(calls.map((c) => `${c.endpoint} ${c.status}`)).toEqual(["atalk 200", "talk 503", "talk 200"]);
    // The retry sends the piece that failed, not the first one again.
    expect(calls[2]?.params.input).toBe(calls[1]?.params.input);
    expect(calls[2]?.params.input).not.toBe(calls[0]?.params.input);
    expect(fake.state.anonymousClients.size).toBe(1);
    expect(res.interlocutor?.clientName).toBe("aiaas-app1-user-0000");
    expect(res.responses).toEqual(Array.from({ length: 120 }, () => "You said: Hello there friend."));
  });

  it("a split message retried after its third piece failed sends each piece to the bot once, in order", async () => {
    const sentences = Array.from({ length: 120 }, (_, i) => `This is sentence number ${i} of a long letter.`);
    const input = sentences.join(" ");
    const stored = () => person({ clientName: "person42", sessionId: "1234", lastSeenAt: clock - MIN });
    fake.failTalkAt(2, { status: 429, retryAfter: "1" });
    await expect(backend.talk({ interlocutor: stored(), input })).rejects.toMatchObject({ status: 429 });
    fake.failTalkAt(3, { status: 502, message: "bad gateway" });
    await expect(backend.talk({ interlocutor: stored(), input })).rejects.toMatchObject({ status: 502 });

    clock += 2_000;
    const res = await backend.talk({ interlocutor: stored(), input });
    const calls = fake.talkCalls();
    expect(calls.map((c) => c.status)).toEqual([200, 200, 429, 502, 200]);
    const answered = calls.filter((c) => c.status === 200).map((c) => c.params.input);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(new Set(answered).size).toBe(answered.length);
    expect(answered.join(" ")).toBe(input);
    expect(res.responses).toEqual(sentences.map((s) => `You said: ${s}`));
    // Every piece, the resumed ones too, continues the one session and names the same client.
    expect(new Set(calls.map((c) => c.params.sessionid))).toEqual(new Set(["1234"]));
    expect(new Set(calls.map((c) => c.params.client_name))).toEqual(new Set(["person42"]));
    expect(res.interlocutor).toEqual({ clientName: "person42", sessionId: "1234" });
  });

  it("a reset message resumed after a failure does not reset the bot a second time", async () => {
    const long = "Let us start over. ".repeat(150).trim();
    const stored = () => person({ clientName: "person42", sessionId: "1234", lastSeenAt: clock - MIN });
    fake.failTalkAt(1, { status: 503 });
    await expect(backend.talk({ interlocutor: stored(), input: long, reset: true })).rejects.toBeInstanceOf(
      TalkApiError,
    );
    const res = await backend.talk({ interlocutor: stored(), input: long, reset: true });
    const calls = fake.talkCalls();
    expect(calls.map((c) => `${c.status} ${c.params.reset ?? "-"}`)).toEqual(["200 true", "503 -", "200 -"]);
    expect(calls[2]?.params.sessionid).toBe(String(calls[0]?.sessionid));
    expect(res.interlocutor?.sessionId).toBe(String(calls[0]?.sessionid));
  });

  it("after a split message failed for good, the person's next message starts from its own beginning", async () => {
    const long = "Hello there friend. ".repeat(120).trim();
    const stored = () => person({ clientName: "person42", lastSeenAt: clock });
    fake.failTalkAt(1, { status: 503 });
    await expect(backend.talk({ interlocutor: stored(), input: long })).rejects.toBeInstanceOf(TalkApiError);

    // A different message: the failed one's progress is dropped, not mixed in.
    const other = await backend.talk({ interlocutor: stored(), input: "Something else." });
    expect(other.responses).toEqual(["You said: Something else."]);
    // The long one sent again later is a new message: every piece again.
    const again = await backend.talk({ interlocutor: stored(), input: long });
    expect(again.responses).toHaveLength(120);
    expect(fake.talkCalls().map((c) => c.status)).toEqual([200, 503, 200, 200, 200]);
  });

  it("a retry after the resume window starts the message again", async () => {
    const long = "Hello there friend. ".repeat(120).trim();
    const stored = () => person({ clientName: "person42", lastSeenAt: clock });
    fake.failTalkAt(1, { status: 503 });
    await expect(backend.talk({ interlocutor: stored(), input: long })).rejects.toBeInstanceOf(TalkApiError);
    clock += 10 * MIN;
    const res = await backend.talk({ interlocutor: stored(), input: long });
    expect(res.responses).toHaveLength(120);
    expect(fake.talkCalls().map((c) => c.status)).toEqual([200, 503, 200, 200]);
  });

  it("keeps part-way messages of a bounded number of people: beyond it the oldest is sent whole again", async () => {
    const small = new PandorabotsBackend({
      client: new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: fake.userKey }),
      botname: "mybot",
      now: () => clock,
      rememberUnfinished: 1,
    });
    const long = "Hello there friend. ".repeat(120).trim();
    const ann = () => person({ id: "ann", clientName: "person42", lastSeenAt: clock });
    const bob = () => person({ id: "bob", clientName: "person43", lastSeenAt: clock });
    fake.failTalkAt(1, { status: 503 });
    fake.failTalkAt(3, { status: 503 });
    await expect(small.talk({ interlocutor: ann(), input: long })).rejects.toBeInstanceOf(TalkApiError);
    await expect(small.talk({ interlocutor: bob(), input: long })).rejects.toBeInstanceOf(TalkApiError);

    await small.talk({ interlocutor: bob(), input: long }); // resumed: one call
    await small.talk({ interlocutor: ann(), input: long }); // forgotten: both pieces again
    expect(fake.talkCalls().map((c) => `${c.params.client_name} ${c.status}`)).toEqual([
      "person42 200",
      "person42 503",
      "person43 200",
      "person43 503",
      "person43 200",
      "person42 200",
      "person42 200",
    ]);
  });
});

describe("failures as the talk queue sees them", () => {
  const stored = () => person({ clientName: "person42", lastSeenAt: clock });

  it("429 with Retry-After becomes a retryable TalkApiError with the delay", async () => {
    fake.failNextTalks(1, { status: 429, retryAfter: "2" });
    const err = await backend.talk({ interlocutor: stored(), input: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TalkApiError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 2000, retryable: true });
  });

  it("412 (bot not compiled) is final", async () => {
    fake.addBot("mybot", { compiled: false });
    const err = await backend.talk({ interlocutor: stored(), input: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TalkApiError);
    expect(err).toMatchObject({ status: 412, retryable: false });
  });

  it("an unreachable service is a TalkNetworkError", async () => {
    await fake.close();
    const err = await backend.talk({ interlocutor: stored(), input: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TalkNetworkError);
    expect(String((err as Error).message)).not.toContain(fake.userKey);
    fake = await startFakePandorabots(); // for afterEach
  });
});

describe("readiness", () => {
  it("pings with an authenticated call that costs no talk", async () => {
    await backend.ping();
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(["GET /bot/app1/mybot 200"]);
    const wrongKey = new PandorabotsBackend({
      client: new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: "nope" }),
      botname: "mybot",
    });
    await expect(wrongKey.ping()).rejects.toMatchObject({ status: 401, retryable: false });
  });

  it("with only a botkey, pings with a talk that names no client", async () => {
    const keyed = new PandorabotsBackend({
      client: new PandorabotsClient({ baseUrl: fake.url, botkey: "bk1" }),
    });
    await keyed.ping();
    expect(fake.calls.at(-1)).toMatchObject({ path: "/talk", status: 200 });
    expect(fake.calls.at(-1)?.params.client_name).toBeUndefined();
  });
});
