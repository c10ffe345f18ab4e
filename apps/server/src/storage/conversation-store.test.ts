import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConversationStore } from "./conversation-store.js";
import { type Db, openDatabase } from "./database.js";

describe("the conversation log's retention", () => {
  let dataDir: string;
  let db: Db;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "parley-log-"));
    db = openDatabase(dataDir);
    db.prepare(
      "INSERT INTO bots (id, app_id, name, botkey, created_at) VALUES (1, 'app', 'bot', 'key', 0)",
    ).run();
  });
  afterEach(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prunes the oldest rows in batches, reading no more than a batch each time", () => {
    const store = new ConversationStore(db);
    const turn = (at: number) => ({
      appId: "app",
      botId: 1,
      clientName: "ann",
      sessionId: at,
      state: { kind: "snapshot" as const, state: "{}" },
      input: `turn ${at}`,
      responses: ["ok"],
      learnf: [],
      now: at,
    });
    store.recordTurns(Array.from({ length: 25 }, (_, i) => turn(i + 1)));
    // Rows at 1..25: everything before 22 goes, 10 rows at most per call.
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(1);
    expect(store.pruneLog(22, 10)).toBe(0);
    const left = db.prepare("SELECT input FROM conversation_log ORDER BY id").pluck().all();
    expect(left).toEqual(["turn 22", "turn 23", "turn 24", "turn 25"]);
  });
});
