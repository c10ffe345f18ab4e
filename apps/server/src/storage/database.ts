// Opens the server's SQLite file (WAL) and applies the schema.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_V1, SCHEMA_VERSION } from "./schema.js";

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "parley-server.sqlite");
  ownerOnly(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode is durable across process crashes; only a power loss can drop the last commits.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new Error(`The data dir was written by a newer server (schema ${current}); upgrade this server.`);
  }
  if (current < 1) {
    db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  return db;
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
