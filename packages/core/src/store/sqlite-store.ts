// Interlocutors in a SQLite file (WAL): the mapping person -> talk-API client survives restarts.
// One process owns a file; rows are cached in memory (bounded). A new client name (the atalk result)
// is written at once; session and last-seen updates, one per message, are gathered and written in one
// transaction per event-loop turn, which is what lets one core carry tens of thousands of messages/s.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Interlocutor, InterlocutorKey, InterlocutorStore } from "../types/index.js";
import { applyPatch, type InitFn, type InterlocutorPatch } from "./init-patch.js";
import { assertKey, keyString } from "./key.js";
import { newInterlocutor } from "./memory-store.js";
import { migrate } from "./migrations.js";
import { SingleFlight } from "./single-flight.js";

export interface SqliteStoreOptions {
  /** Database file; created with its folder when missing. `:memory:` for a throwaway store. */
  path: string;
  /** Interlocutors kept in memory (least recently used are dropped first). Default 10,000. */
  cacheSize?: number;
}

interface Row {
  id: string;
  bot: string;
  channel: string;
  user_id: string;
  client_name: string | null;
  session_id: string | null;
  last_seen_at: number | null;
  created_at: number;
}

const fromRow = (r: Row): Interlocutor => ({
  id: r.id,
  bot: r.bot,
  channel: r.channel,
  userId: r.user_id,
  clientName: r.client_name,
  sessionId: r.session_id,
  lastSeenAt: r.last_seen_at,
  createdAt: r.created_at,
});

export class SqliteInterlocutorStore implements InterlocutorStore {
  readonly #db: Database.Database;
  readonly #cache = new Map<string, Interlocutor>();
  readonly #keyById = new Map<string, string>();
  readonly #cacheSize: number;
  readonly #creating = new SingleFlight<Interlocutor>();
  readonly #select: Database.Statement<[string, string, string], Row>;
  readonly #selectById: Database.Statement<[string], Row>;
  readonly #insert: Database.Statement<[Record<string, unknown>]>;
  readonly #update: Database.Statement<[Record<string, unknown>]>;
  readonly #delete: Database.Statement<[string, string, string]>;
  readonly #writeDirty: () => void;
  /** Rows changed in memory and not yet written, by id. */
  #dirty = new Map<string, Interlocutor>();
  #flushScheduled = false;
  #flushError: unknown;

  constructor(options: SqliteStoreOptions | string) {
    const { path, cacheSize = 10_000 } = typeof options === "string" ? { path: options } : options;
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#cacheSize = Math.max(1, cacheSize);
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode: durable across process crashes, fast; only an OS crash may lose the last commits.
    this.#db.pragma("synchronous = NORMAL");
    this.#db.pragma("busy_timeout = 5000");
    migrate(this.#db);
    this.#select = this.#db.prepare(
      "SELECT * FROM interlocutors WHERE bot = ? AND channel = ? AND user_id = ?",
    );
    this.#selectById = this.#db.prepare("SELECT * FROM interlocutors WHERE id = ?");
    this.#insert = this.#db.prepare(
      `INSERT INTO interlocutors (id, bot, channel, user_id, client_name, session_id, last_seen_at, created_at)
       VALUES (@id, @bot, @channel, @userId, @clientName, @sessionId, @lastSeenAt, @createdAt)
       ON CONFLICT (bot, channel, user_id) DO NOTHING`,
    );
    this.#update = this.#db.prepare(
      `UPDATE interlocutors SET client_name = @clientName, session_id = @sessionId, last_seen_at = @lastSeenAt
       WHERE id = @id`,
    );
    this.#delete = this.#db.prepare(
      "DELETE FROM interlocutors WHERE bot = ? AND channel = ? AND user_id = ?",
    );
    this.#writeDirty = this.#db.transaction(() => {
      for (const row of this.#dirty.values()) this.#update.run({ ...row });
    });
  }

  async ensure(key: InterlocutorKey, init?: InitFn): Promise<Interlocutor> {
    assertKey(key);
    const k = keyString(key);
    const cached = this.#cached(k);
    if (cached) return { ...cached };
    const found = this.#creating.run(k, async () => {
      const row = this.#select.get(key.bot, key.channel, key.userId);
      if (row) return this.#remember(k, this.#fresh(row));
      let record = newInterlocutor(key);
      // Inserted only once init succeeded, so a failed init is simply tried again by the next ensure.
      if (init) record = applyPatch(record, await init({ ...record }));
      this.#insert.run({ ...record });
      // Another process may have won the insert; its row is the mapping.
      const stored = this.#select.get(key.bot, key.channel, key.userId) as Row;
      return this.#remember(k, fromRow(stored));
    });
    return { ...(await found) };
  }

  async get(key: InterlocutorKey): Promise<Interlocutor | undefined> {
    const k = keyString(key);
    const cached = this.#cached(k);
    if (cached) return { ...cached };
    const row = this.#select.get(key.bot, key.channel, key.userId);
    return row ? { ...this.#remember(k, this.#fresh(row)) } : undefined;
  }

  async update(id: string, patch: InterlocutorPatch): Promise<void> {
    this.#throwFlushError();
    const k = this.#keyById.get(id);
    let current = (k === undefined ? undefined : this.#cache.get(k)) ?? this.#dirty.get(id);
    if (!current) {
      const row = this.#selectById.get(id);
      if (!row) return;
      current = fromRow(row);
    }
    const next = applyPatch(current, patch);
    this.#remember(keyString(next), next);
    this.#dirty.set(id, next);
    if (next.clientName !== current.clientName) {
      this.#flush(); // losing a client name would cost the person their bot memory: write it now
      this.#throwFlushError();
    } else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  async forget(key: InterlocutorKey): Promise<boolean> {
    const k = keyString(key);
    const cached = this.#cache.get(k);
    if (cached) {
      this.#keyById.delete(cached.id);
      this.#dirty.delete(cached.id);
    }
    this.#cache.delete(k);
    return this.#delete.run(key.bot, key.channel, key.userId).changes > 0;
  }

  /** Writes pending session / last-seen updates, then closes the file. */
  async close(): Promise<void> {
    if (!this.#db.open) return;
    this.#flush();
    this.#db.close();
    this.#throwFlushError();
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#dirty.size === 0 || !this.#db.open) return;
    try {
      this.#writeDirty();
      this.#dirty.clear();
    } catch (err) {
      // Rows stay pending for the next flush; the next update or close reports the failure.
      this.#flushError = err;
    }
  }

  #throwFlushError(): void {
    const err = this.#flushError;
    if (err === undefined) return;
    this.#flushError = undefined;
    throw err;
  }

  /** A row read from the file, overlaid with its pending in-memory change if any. */
  #fresh(row: Row): Interlocutor {
    return this.#dirty.get(row.id) ?? fromRow(row);
  }

  #cached(k: string): Interlocutor | undefined {
    const found = this.#cache.get(k);
    if (found) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#cache.delete(k);
      this.#cache.set(k, found);
    }
    return found;
  }

  #remember(k: string, record: Interlocutor): Interlocutor {
    this.#cache.delete(k);
    this.#cache.set(k, record);
    this.#keyById.set(record.id, k);
    if (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value as string;
      const dropped = this.#cache.get(oldest);
      this.#cache.delete(oldest);
      if (dropped) this.#keyById.delete(dropped.id);
    }
    return record;
  }
}
