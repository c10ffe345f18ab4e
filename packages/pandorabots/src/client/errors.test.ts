import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { PandorabotsClient } from "./client.js";
import {
  PandorabotsError,
  PandorabotsNetworkError,
  PandorabotsNotFoundError,
  PandorabotsPreconditionError,
  PandorabotsRateLimitError,
  PandorabotsServerError,
  PandorabotsTimeoutError,
  PandorabotsUnauthorizedError,
} from "./errors.js";

const USER_KEY = "very-secret-user-key";
const BOTKEY = "very-secret-botkey";
let fake: FakePandorabots;

beforeEach(async () => {
  fake = await startFakePandorabots({
    appId: "app1",
    userKey: USER_KEY,
    bots: ["mybot"],
    botkeys: { [BOTKEY]: "mybot" },
  });
});
afterEach(() => fake.close());

const client = (overrides: Partial<ConstructorParameters<typeof PandorabotsClient>[0]> = {}) =>
  new PandorabotsClient({
    baseUrl: fake.url,
    appId: "app1",
    userKey: USER_KEY,
    botkey: BOTKEY,
    ...overrides,
  });

function expectNoSecrets(err: unknown) {
  const text = JSON.stringify({
    ...(err as object),
    message: (err as Error).message,
    stack: (err as Error).stack,
  });
  const cause = String((err as Error).cause ?? "");
  for (const secret of [USER_KEY, BOTKEY]) {
    expect(text).not.toContain(secret);
    expect(cause).not.toContain(secret);
  }
}

describe("typed errors", () => {
  it("401 for a wrong user key, without echoing the key", async () => {
    const err = await client({ userKey: "wrong-but-secret" })
      .listBots()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsUnauthorizedError);
    expect(err).toMatchObject({
      status: 401,
      code: "PANDORABOTS_UNAUTHORIZED",
      serverMessage: "Unauthorized",
    });
    expect((err as Error).message).not.toContain("wrong-but-secret");
  });

  it("404 for a file kind the service does not know", async () => {
    const res = await fetch(`${fake.url}/bot/app1/mybot/script/x?user_key=${USER_KEY}`);
    expect(res.status).toBe(404); // the fake behaves like the service; the client never sends such a kind
    const err = await client()
      .listFiles("nosuchbot")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsNotFoundError);
  });

  it("412 when the bot is not compiled", async () => {
    fake.addBot("fresh", { compiled: false });
    const err = await client()
      .talk({ botname: "fresh", input: "hi" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsPreconditionError);
    expect((err as Error).message).toContain("talk to bot fresh");
  });

  it("429 carries Retry-After in milliseconds and is retryable", async () => {
    fake.failNextTalks(1, { status: 429, message: "Too many requests", retryAfter: "3" });
    const err = await client()
      .talk({ botname: "mybot", input: "hi" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsRateLimitError);
    expect(err).toMatchObject({ retryAfterMs: 3000, retryable: true, status: 429 });
  });

  it("5xx is a retryable server error", async () => {
    fake.failNextTalks(1, { status: 503, message: "down for maintenance" });
    const err = await client()
      .talk({ botname: "mybot", input: "hi" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsServerError);
    expect(err).toMatchObject({ status: 503, retryable: true, serverMessage: "down for maintenance" });
  });

  it("never repeats a credential the server echoed back", async () => {
    fake.failNextTalks(1, { status: 500, message: `bad request for user_key=${USER_KEY} botkey ${BOTKEY}` });
    const err = await client()
      .talk({ input: "hi" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsServerError);
    expectNoSecrets(err);
  });
});

describe("transport failures", () => {
  it("times out a server that never answers", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const err = await client({ baseUrl: url, timeoutMs: 200 })
        .talk({ botname: "mybot", input: "hi" })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PandorabotsTimeoutError);
      expect(err).toMatchObject({ retryable: true, timeoutMs: 200 });
      expectNoSecrets(err);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it("reports a refused connection as a network error without the key", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await client({ baseUrl: `http://127.0.0.1:${port}` })
      .listBots()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsNetworkError);
    expect(err).toMatchObject({ retryable: true, code: "PANDORABOTS_NETWORK_ERROR" });
    expectNoSecrets(err);
  });

  it("uses the injected fetch", async () => {
    const seen: string[] = [];
    const c = client({
      fetch: async (input, init) => {
        seen.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return new Response(JSON.stringify([{ botname: "x" }]), { status: 200 });
      },
    });
    await expect(c.listBots()).resolves.toEqual([{ botname: "x" }]);
    expect(seen).toEqual(["GET /bot/app1"]);
  });

  it("cancels when the caller's signal aborts, and does not call it a timeout", async () => {
    const ac = new AbortController();
    const c = client({
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    });
    const pending = c.talk({ botname: "mybot", input: "hi", signal: ac.signal }).catch((e: unknown) => e);
    ac.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(PandorabotsError);
    expect(err).toMatchObject({ code: "PANDORABOTS_ABORTED", retryable: false });
  });
});
