// The project's own Pandorabots client, unchanged, drives every endpoint of this server.
// (A bad file kind -> 404 is only reachable raw, since the client validates kinds: see bot-files.test.ts.)
import {
  PandorabotsBadRequestError,
  PandorabotsClient,
  PandorabotsConflictError,
  PandorabotsPreconditionError,
  PandorabotsRateLimitError,
  PandorabotsUnauthorizedError,
} from "@parley/pandorabots";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { BROKEN_AIML, MEMORY_AIML } from "../testing/fixtures.js";
import { type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

describe("the @parley/pandorabots client against this server", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });

  const clientFor = (server: Harness, extra: { talkParamsIn?: "form" | "query"; userKey?: string } = {}) =>
    new PandorabotsClient({
      baseUrl: server.server.url,
      appId: TEST_APP_ID,
      userKey: TEST_USER_KEY,
      ...extra,
    });

  it("manages bots and every file kind, downloads a zip and compiles", async () => {
    h = await startHarness();
    const client = clientFor(h);
    await client.createBot("clientbot");
    await expect(client.createBot("clientbot")).rejects.toBeInstanceOf(PandorabotsConflictError);
    expect((await client.listBots()).map((b) => b.botname)).toEqual(["clientbot"]);

    await client.uploadFile("clientbot", "aiml", "memory", MEMORY_AIML);
    await client.uploadFile("clientbot", "set", "colors", '[["red"]]');
    await client.uploadFile("clientbot", "map", "capitals", '[["France","Paris"]]');
    await client.uploadFile("clientbot", "substitution", "normal", '[["dont","do not"]]');
    await client.uploadFile("clientbot", "properties", undefined, '[["name","Clienty"]]');
    await client.uploadFile("clientbot", "pdefaults", undefined, '[["name","unknown"]]');
    await expect(client.uploadFile("clientbot", "set", "broken", "[[")).rejects.toBeInstanceOf(
      PandorabotsBadRequestError,
    );

    expect(await client.getFile("clientbot", "aiml", "memory")).toBe(MEMORY_AIML);
    expect(JSON.parse(await client.getFile("clientbot", "map", "capitals"))).toEqual([["France", "Paris"]]);
    const files = await client.listFiles("clientbot");
    expect(files.files.map((f) => f.name)).toEqual(["memory.aiml"]);
    expect(files.sets.map((f) => f.name)).toEqual(["colors.set"]);

    const zip = unzipSync(await client.downloadZip("clientbot"));
    expect(Object.keys(zip).sort()).toEqual([
      "capitals.map",
      "clientbot.pdefaults",
      "clientbot.properties",
      "colors.set",
      "memory.aiml",
      "normal.substitution",
    ]);

    expect((await client.verify("clientbot")).status).toBe("ok");
    await client.deleteFile("clientbot", "set", "colors");
    await expect(client.getFile("clientbot", "set", "colors")).rejects.toBeInstanceOf(
      PandorabotsPreconditionError,
    );

    await client.uploadFile("clientbot", "aiml", "broken", BROKEN_AIML);
    const failure = await client.verify("clientbot").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PandorabotsBadRequestError);
    expect((failure as PandorabotsBadRequestError).results).toEqual([
      expect.objectContaining({ file: "broken.aiml" }),
    ]);

    await client.deleteBot("clientbot");
    await expect(client.deleteBot("clientbot")).rejects.toBeInstanceOf(PandorabotsPreconditionError);
  });

  it("talks and atalks with form and query parameters, and with a botkey", async () => {
    h = await startHarness();
    const client = clientFor(h);
    await client.createBot("clientbot");
    await client.uploadFile("clientbot", "aiml", "memory", MEMORY_AIML);
    await client.verify("clientbot");

    const first = await client.atalk({ botname: "clientbot", input: "My name is Ada." });
    expect(first.responses).toEqual(["Nice to meet you, Ada."]);
    expect(first.clientName).toBe(`aiaas-${TEST_APP_ID}-user-0000`);

    const byQuery = clientFor(h, { talkParamsIn: "query" });
    const again = await byQuery.talk({
      botname: "clientbot",
      input: "What is my name?",
      client_name: first.clientName,
      sessionid: first.sessionId,
    });
    expect(again.responses).toEqual(["Your name is Ada."]);
    expect(again.sessionId).toBe(first.sessionId);

    const botkey = h.server.botkey("clientbot");
    const byKey = new PandorabotsClient({ baseUrl: h.server.url, botkey });
    expect((await byKey.talk({ input: "hello" })).responses).toEqual(["Hi there!"]);
    expect((await byKey.atalk({ input: "hello" })).clientName).toBe(`aiaas-${TEST_APP_ID}-user-0001`);
  });

  it("maps this server's error codes onto the client's typed errors", async () => {
    h = await startHarness({ limits: { talkPerMinute: 1 } });
    const client = clientFor(h);
    await expect(clientFor(h, { userKey: "wrong" }).listBots()).rejects.toBeInstanceOf(
      PandorabotsUnauthorizedError,
    );
    await expect(client.talk({ botname: "nobot", input: "hello" })).rejects.toBeInstanceOf(
      PandorabotsPreconditionError,
    );
    await client.createBot("clientbot");
    await client.uploadFile("clientbot", "aiml", "memory", MEMORY_AIML);
    await client.verify("clientbot");
    await client.talk({ botname: "clientbot", input: "hello" });
    const limited = await client.talk({ botname: "clientbot", input: "hello" }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(PandorabotsRateLimitError);
    expect((limited as PandorabotsRateLimitError).retryAfterMs).toBeGreaterThan(0);
  });
});
