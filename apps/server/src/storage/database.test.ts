import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ConversationStore } from "./conversation-store.js";
import { openDatabase } from "./database.js";
import { MIGRATE_V2, MIGRATE_V3, SCHEMA_V1, SCHEMA_VERSION } from "./schema.js";

describe("the server's SQLite file", () => {
  it("upgrades a version 1 file in place, keeping every client's state", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "parley-schema-"));
    const old = new Database(join(dataDir, "parley-server.sqlite"));
    old.exec(SCHEMA_V1);
    old.pragma("user_version = 1");
    old
      .prepare("INSERT INTO bots (id, app_id, name, botkey, created_at) VALUES (1, 'app', 'bot', 'key', 0)")
      .run();
    old
      .prepare(
        "INSERT INTO client_states (bot_id, client_name, state, last_active_at) VALUES (1, 'ann', ?, 5)",
      )
      .run('{"predicates":{"name":"Ann"}}');
    old.close();

    const db = openDatabase(dataDir);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT client_name, state, last_active_at FROM client_states").all()).toEqual([
      { client_name: "ann", state: '{"predicates":{"name":"Ann"}}', last_active_at: 5 },
    ]);
    // The upsert the talk path uses still finds the row by (bot, client).
    db.prepare(
      `INSERT INTO client_states (bot_id, client_name, state, last_active_at) VALUES (1, 'ann', '{}', 6)
       ON CONFLICT (bot_id, client_name) DO UPDATE SET state = excluded.state, last_active_at = excluded.last_active_at`,
    ).run();
    expect(db.prepare("SELECT count(*) AS n, max(last_active_at) AS at FROM client_states").get()).toEqual({
      n: 1,
      at: 6,
    });
    // Version 3: turns between snapshots go to the journal.
    expect(db.prepare("SELECT count(*) AS n FROM client_journal").get()).toEqual({ n: 0 });
    db.close();
  });

  it("upgrades a version 3 file in place, keeping every client's learned categories", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "parley-schema-"));
    const old = new Database(join(dataDir, "parley-server.sqlite"));
    old.exec(SCHEMA_V1 + MIGRATE_V2 + MIGRATE_V3);
    old.pragma("user_version = 3");
    old
      .prepare("INSERT INTO bots (id, app_id, name, botkey, created_at) VALUES (1, 'app', 'bot', 'key', 0)")
      .run();
    old
      .prepare(
        "INSERT INTO client_states (bot_id, client_name, state, last_active_at) VALUES (1, 'ann', '{}', 5)",
      )
      .run();
    old
      .prepare("INSERT INTO client_learned (bot_id, client_name, learned) VALUES (1, 'ann', ?)")
      .run('[{"pattern":"A"}]');
    old.close();

    const db = openDatabase(dataDir);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(new ConversationStore(db).storedClient(1, "ann")?.learned).toBe('[{"pattern":"A"}]');
    db.close();
  });
});
