// Schema history of the SQLite interlocutor store. Append only: never edit a shipped step.
import type Database from "better-sqlite3";

export const migrations: readonly string[] = [
  // 1: one row per (bot, channel, scoped user id).
  `CREATE TABLE interlocutors (
     id           TEXT PRIMARY KEY,
     bot          TEXT NOT NULL,
     channel      TEXT NOT NULL,
     user_id      TEXT NOT NULL,
     client_name  TEXT,
     session_id   TEXT,
     last_seen_at INTEGER,
     created_at   INTEGER NOT NULL,
     UNIQUE (bot, channel, user_id)
   ) STRICT`,
];

/** Brings the file to the newest schema; the version lives in PRAGMA user_version. */
export function migrate(db: Database.Database): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `Interlocutor database schema version ${current} is newer than this Parley (${migrations.length}); upgrade Parley`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return migrations.length;
}
