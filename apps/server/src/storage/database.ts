// Opens the server's SQLite file (WAL) and applies the schema.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATE_V2, MIGRATE_V3, MIGRATE_V4, SCHEMA_V1, SCHEMA_VERSION } from "./schema.js";

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "parley-server.sqlite");
  ownerOnly(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  configure(db);
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new Error(`The data dir was written by a newer server (schema ${current}); upgrade this server.`);
  }
  const steps = [SCHEMA_V1, MIGRATE_V2, MIGRATE_V3, MIGRATE_V4];
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(steps[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return db;
}

/**
 * SQLite's own automatic checkpoint on the writing connections, kept as a backstop far above where
 * the checkpoint thread starts the WAL over (see checkpointer.ts): it runs inside a commit.
 */
export const BACKSTOP_CHECKPOINT_FRAMES = 20_000;

/** Another thread's connection to the file openDatabase prepared (WAL mode is a property of the file). */
export function openWorkerConnection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  configure(db);
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_FRAMES}`);
  return db;
}

function configure(db: Db): void {
  // NORMAL in WAL mode is durable across process crashes; only a power loss can drop the last commits.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
}

/**
 * The file holds botkeys, client states and conversation logs, so only the owner may read it, like
 * the user-key file. SQLite gives the -wal and -shm files the main file's mode when it creates them;
 * files left by an older server are tightened too.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, "a", 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
