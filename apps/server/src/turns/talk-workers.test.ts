// Talk turns on worker threads (the default with the real interpreter on a multi-core machine).
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { noopLogger } from "@parley/core";
import { afterEach, describe, expect, it } from "vitest";
import { loadAimlEngine } from "../engine/load-engine.js";
import { ApiError, PreconditionFailedError } from "../http/errors.js";
import { BotRegistry } from "../runtime/bot-registry.js";
import { BotStore } from "../storage/bot-store.js";
import { CommitLock } from "../storage/commit-lock.js";
import { openDatabase } from "../storage/database.js";
import { createCompiledBot, startBigVerify } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";
import { deserializeError, serializeError } from "./turn-messages.js";
import { WorkerTurnRunner } from "./worker-turn-runner.js";

const LEDGER = `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0">
<category><pattern>ADD *</pattern><template><set name="ledger"><get name="ledger"/> <star/></set></template></category>
<category><pattern>SHOW</pattern><template><get name="ledger"/></template></category>
</aiml>`;

/** A WorkerTurnRunner over a fresh data dir holding the compiled LEDGER bot, without HTTP. */
async function ledgerRunner(workers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-workers-"));
  const db = openDatabase(dataDir);
  const bots = new BotStore(db);
  const bot = bots.create(TEST_APP_ID, "ledger", "ledger-key", 0);
  bots.saveFile(bot.id, "file", "ledger.aiml", Buffer.from(LEDGER), 0);
  const { versionId } = await new BotRegistry(await loadAimlEngine(), bots, noopLogger, Date.now).verify(
    bot.id,
  );
  const runner = await WorkerTurnRunner.start({
    workers,
    file: db.name,
    stateCacheSize: 100,
    logger: noopLogger,
    commitLock: new CommitLock(),
  });
  return {
    db,
    runner,
    turn: (clientName: string, input: string, sessionId = 1) =>
      runner.run({
        appId: TEST_APP_ID,
        botId: bot.id,
        botkey: bot.botkey,
        versionId: versionId as number,
        reload: false,
        clientName,
        persistent: false,
        sessionId,
        input,
        extra: false,
        trace: false,
        reset: false,
        now: Date.now(),
        sessionIdleMs: 60_000,
      }),
    dispose() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("talk on worker threads", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });

  const talk = (harness: Harness, clientName: string, input: string, botname = "memory") =>
    call("POST", harness.url(`/talk/${TEST_APP_ID}/${botname}`), {
      body: new URLSearchParams({ user_key: TEST_USER_KEY, client_name: clientName, input }),
    });

  it("keeps every concurrent update of a client while many clients share the workers", async () => {
    h = await startHarness({ engine: undefined, talkWorkers: 2 });
    const harness = h;
    await createCompiledBot(harness, "ledger", { "ledger.aiml": LEDGER });
    const clients = Array.from({ length: 12 }, (_, i) => `client${i}`);
    // 15 entries per client, all in flight at once: a lost update would drop one.
    const replies = await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 15 }, (_, n) => talk(harness, client, `add ${client}x${n}`, "ledger")),
      ),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    for (const client of clients) {
      const [ledger] = (await talk(harness, client, "show", "ledger")).json.responses as string[];
      const entries = (ledger ?? "").split(" ").filter((word) => word.startsWith(client));
      expect(entries.sort(), client).toEqual(Array.from({ length: 15 }, (_, n) => `${client}x${n}`).sort());
    }
  });

  it("answers every accepted turn before close, and they are all on disk after it", async () => {
    const ledger = await ledgerRunner(2);
    const turns = Array.from({ length: 40 }, (_, i) =>
      ledger.turn(`closing${i % 8}`, `add entry${i}`, i + 1),
    );
    await ledger.runner.close();
    const answers = await Promise.all(turns);
    expect(answers.map((answer) => answer.responses.length)).toEqual(turns.map(() => 1));
    const logged = ledger.db.prepare("SELECT count(*) AS n FROM conversation_log").get() as { n: number };
    expect(logged.n).toBe(40);
    ledger.dispose();
  });

  it("fails a dead worker's pending turns and replaces the worker, which then answers", async () => {
    const ledger = await ledgerRunner(1);
    expect((await ledger.turn("ann", "add one")).responses).toEqual(["unknown one"]);
    // The only way in from outside: the slot's thread, as a crash would end it.
    const { slots } = ledger.runner as unknown as {
      slots: Array<{ worker: { terminate(): Promise<number> } }>;
    };
    const pending = ledger.turn("ann", "add two");
    await slots[0]?.worker.terminate();
    await expect(pending).rejects.toThrow(/talk worker/);
    // The replacement starts on its own and reads the committed state back from SQLite.
    const shown = () =>
      ledger.turn("ann", "show").then(
        (reply) => reply.responses,
        () => [],
      );
    await expect.poll(shown, { timeout: 10_000 }).toEqual([expect.stringMatching(/^unknown one( two)?$/)]);
    await ledger.runner.close();
    ledger.dispose();
  });

  it("fails the turns waiting for a replacement that cannot start, and tries again on the next turn", async () => {
    const ledger = await ledgerRunner(1);
    expect((await ledger.turn("ann", "add one")).responses).toEqual(["unknown one"]);
    const { slots } = ledger.runner as unknown as {
      slots: Array<{ worker: { terminate(): Promise<number> } }>;
    };
    // The replacement opens the file by name: with the file gone, it cannot start.
    const file = ledger.db.name;
    renameSync(file, `${file}.away`);
    await slots[0]?.worker.terminate();
    await expect(ledger.turn("ann", "add two")).rejects.toThrow(/could not be restarted/);
    renameSync(`${file}.away`, file);
    expect((await ledger.turn("ann", "show")).responses).toEqual(["unknown one"]);
    await ledger.runner.close();
    ledger.dispose();
  });

  it("remembers a client across a restart, whichever worker it lands on", async () => {
    h = await startHarness({ engine: undefined, talkWorkers: 3 });
    await createCompiledBot(h, "memory");
    expect((await talk(h, "ann", "my name is Ann")).json.responses).toEqual(["Nice to meet you, Ann."]);
    await h.restart();
    expect((await talk(h, "ann", "what is my name")).json.responses).toEqual(["Your name is Ann."]);
  });

  it("compiles on a worker, so the HTTP thread keeps answering during a long verify", async () => {
    h = await startHarness({ engine: undefined, talkWorkers: 2 });
    const harness = h;
    const verify = await startBigVerify(harness, "big");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const health = await call("GET", harness.url("/healthz"));
    const healthAt = performance.now();
    expect(health.status).toBe(200);
    expect((await verify.reply).status).toBe(200);
    expect(healthAt).toBeLessThan(verify.finishedAt());
    expect((await talk(harness, "ann", "topic7 please", "big")).json.responses).toEqual(["Answer 7."]);
  });

  it("carries an API error from a worker to the HTTP answer unchanged", () => {
    const revived = deserializeError(serializeError(new PreconditionFailedError("Bot is not compiled")));
    expect(revived).toBeInstanceOf(ApiError);
    expect((revived as ApiError).status).toBe(412);
    expect(revived.message).toBe("Bot is not compiled");
    expect(deserializeError(serializeError(new Error("disk I/O error"))).message).toBe(
      "talk worker: disk I/O error",
    );
  });
});
