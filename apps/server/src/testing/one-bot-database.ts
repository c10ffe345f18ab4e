// Storage tests start from a database in a fresh data dir that already holds one bot (id 1, app
// "app"), since every conversation row refers to a bot.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { StateWrite, TurnRecord } from "../storage/conversation-store.js";
import { type Db, openDatabase } from "../storage/database.js";

/** Opens it before each test and deletes it after; call the result inside a test to get it. */
export function useOneBotDatabase(prefix: string): () => Db {
  let dataDir = "";
  let db: Db | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
    db = openDatabase(dataDir);
    db.prepare(
      "INSERT INTO bots (id, app_id, name, botkey, created_at) VALUES (1, 'app', 'bot', 'key', 0)",
    ).run();
  });
  afterEach(() => {
    db?.close();
    db = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error("useOneBotDatabase: the database is open only inside a test");
    return db;
  };
}

/** Turn `n` of a client of that bot: session `n`, input "turn n", at time `n`, a snapshot by default. */
export function oneBotTurn(clientName: string, n: number, state?: StateWrite): TurnRecord {
  return {
    appId: "app",
    botId: 1,
    clientName,
    sessionId: n,
    state: state ?? { kind: "snapshot", state: JSON.stringify({ n }) },
    input: `turn ${n}`,
    responses: ["ok"],
    learnf: [],
    now: n,
  };
}
