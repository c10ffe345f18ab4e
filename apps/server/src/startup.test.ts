import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serverOptionsFromEnv } from "./config/options.js";
import { DEMO_BOT_NAME } from "./demo/demo-bot.js";
import { startServer } from "./server.js";
import { fakeAimlEngine } from "./testing/fake-aiml.js";
import { call, recordingLogger } from "./testing/harness.js";

describe("starting the server", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-start-"));
    dirs.push(dir);
    return dir;
  };

  it("generates a user key once, stores it privately and reuses it on the next start", async () => {
    const dataDir = tempDir();
    const announced: string[] = [];
    const options = {
      dataDir,
      port: 0,
      engine: fakeAimlEngine,
      logger: recordingLogger(),
      onUserKeyGenerated: (key: string) => announced.push(key),
    };
    const first = await startServer(options);
    await first.close();
    const second = await startServer(options);
    await second.close();
    expect(announced).toEqual([first.userKey]);
    expect(second.userKey).toBe(first.userKey);
    expect(readFileSync(join(dataDir, "user-key"), "utf8").trim()).toBe(first.userKey);
    expect(statSync(join(dataDir, "user-key")).mode & 0o077).toBe(0);
  });

  it("keeps the SQLite file and its -wal and -shm readable by the owner only", async () => {
    const dataDir = tempDir();
    const options = {
      dataDir,
      port: 0,
      engine: fakeAimlEngine,
      logger: recordingLogger(),
      userKey: "k".repeat(20),
    };
    const fresh = await startServer(options);
    await call("POST", `${fresh.url}/talk/${fresh.appId}/parley?user_key=${fresh.userKey}&input=thanks`);
    const files = ["parley-server.sqlite", "parley-server.sqlite-wal", "parley-server.sqlite-shm"];
    for (const name of files) {
      expect(existsSync(join(dataDir, name)), name).toBe(true);
      expect((statSync(join(dataDir, name)).mode & 0o777).toString(8), name).toBe("600");
    }
    await fresh.close();

    // A file left world-readable by an older server is tightened on the next start.
    const older = tempDir();
    writeFileSync(join(older, "parley-server.sqlite"), "", { mode: 0o644 });
    const upgraded = await startServer({ ...options, dataDir: older });
    expect((statSync(join(older, "parley-server.sqlite")).mode & 0o777).toString(8)).toBe("600");
    await upgraded.close();
  });

  it("loads the demo bot on the first start only, so a deleted demo bot stays deleted", async () => {
    const dataDir = tempDir();
    const options = {
      dataDir,
      port: 0,
      engine: fakeAimlEngine,
      logger: recordingLogger(),
      userKey: "k".repeat(20),
    };
    const first = await startServer(options);
    expect(first.demoBot).toMatchObject({ loaded: true, verify: { ok: true } });
    const talk = await call(
      "POST",
      `${first.url}/talk/${first.appId}/parley?user_key=${first.userKey}&input=thanks`,
    );
    expect(talk.json.responses).toEqual(["You are welcome."]);
    const listing = await call("GET", `${first.url}/bot/${first.appId}/parley?user_key=${first.userKey}`);
    expect(listing.json.files.map((f: { name: string }) => f.name)).toEqual([
      "conversation.aiml",
      "greetings.aiml",
      "richmedia.aiml",
    ]);
    expect(listing.json.properties).toEqual([expect.objectContaining({ name: "parley.properties" })]);
    await call("DELETE", `${first.url}/bot/${first.appId}/parley?user_key=${first.userKey}`);
    await first.close();

    const second = await startServer(options);
    expect(second.demoBot).toEqual({ loaded: false });
    expect((await call("GET", `${second.url}/bot/${second.appId}?user_key=${second.userKey}`)).json).toEqual(
      [],
    );
    await second.close();
  });

  it("keeps a bot's botkey working after the server's app id changed", async () => {
    const dataDir = tempDir();
    const base = {
      dataDir,
      port: 0,
      engine: fakeAimlEngine,
      logger: recordingLogger(),
      userKey: "k".repeat(20),
    };
    const before = await startServer({ ...base, appId: "firstapp" });
    const botkey = before.botkey(DEMO_BOT_NAME) ?? "";
    await before.close();

    const after = await startServer({ ...base, appId: "secondapp" });
    const talk = await call("POST", `${after.url}/atalk?botkey=${botkey}&input=thanks`);
    expect(talk.json).toMatchObject({
      responses: ["You are welcome."],
      client_name: "aiaas-firstapp-user-0000",
    });
    expect((await call("GET", `${after.url}/bot/firstapp?user_key=${after.userKey}`)).status).toBe(401);
    await after.close();
  });

  it("answers /healthz and refuses new connections after close()", async () => {
    const server = await startServer({
      dataDir: tempDir(),
      port: 0,
      engine: fakeAimlEngine,
      logger: recordingLogger(),
      userKey: "k".repeat(20),
      demoBot: false,
    });
    expect((await call("GET", `${server.url}/healthz`)).json).toEqual({ status: "ok" });
    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it("reads its options from the documented environment variables", () => {
    const options = serverOptionsFromEnv({
      PARLEY_SERVER_PORT: "9001",
      PARLEY_DATA_DIR: "/tmp/x",
      PARLEY_SERVER_APP_ID: "myapp",
      PARLEY_SERVER_USER_KEY: "secret",
      PARLEY_SERVER_TALK_PER_MINUTE: "600",
      PARLEY_SERVER_MAX_ANON_CLIENTS: "1000",
      PARLEY_SERVER_MAX_BOTS: "5",
    });
    expect(options).toEqual({
      port: 9001,
      dataDir: "/tmp/x",
      appId: "myapp",
      userKey: "secret",
      limits: { talkPerMinute: 600, maxAnonymousClients: 1000, maxBots: 5 },
    });
    expect(() => serverOptionsFromEnv({ PARLEY_SERVER_PORT: "http" })).toThrow(/PARLEY_SERVER_PORT/);
  });
});
