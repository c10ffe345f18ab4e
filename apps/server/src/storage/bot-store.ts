// Bots, their files and their compiled versions.
import type { FileKind } from "../domain/file-kinds.js";
import { type CommitLock, underLock } from "./commit-lock.js";
import type { Db } from "./database.js";

export interface BotRow {
  id: number;
  app_id: string;
  name: string;
  botkey: string;
  created_at: number;
  good_version_id: number | null;
  last_verify_failed: number;
}

export interface FileRow {
  kind: FileKind;
  name: string;
  content: Buffer;
  updated_at: number;
}

export class BotStore {
  /** Bot rows are read on every talk call; the HTTP thread is their only writer, so it may cache them. */
  private readonly rowsByName = new Map<string, BotRow | undefined>();
  private readonly rowsByKey = new Map<string, BotRow | undefined>();
  private readonly byName;
  private readonly byKey;
  private readonly list;
  private readonly count;
  private readonly insert;
  private readonly remove;
  private readonly filesOf;
  private readonly fileNames;
  private readonly getFile;
  private readonly putFile;
  private readonly deleteFile;
  private readonly insertVersion;
  private readonly markGood;
  private readonly markFailed;
  private readonly versionSource;
  private readonly pruneVersions;
  private readonly exists;

  constructor(
    private readonly db: Db,
    private readonly options: {
      cacheRows: boolean;
      /** Taken around every write when other connections write too (see CommitLock). */
      lock?: CommitLock;
    } = { cacheRows: true },
  ) {
    this.byName = db.prepare<[string, string], BotRow>("SELECT * FROM bots WHERE app_id = ? AND name = ?");
    this.byKey = db.prepare<[string], BotRow>("SELECT * FROM bots WHERE botkey = ?");
    this.list = db.prepare<[string], BotRow>("SELECT * FROM bots WHERE app_id = ? ORDER BY name");
    this.count = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM bots WHERE app_id = ?");
    this.insert = db.prepare<[string, string, string, number]>(
      "INSERT INTO bots (app_id, name, botkey, created_at) VALUES (?, ?, ?, ?)",
    );
    this.remove = db.prepare<[number]>("DELETE FROM bots WHERE id = ?");
    this.exists = db.prepare<[number], { one: number }>("SELECT 1 AS one FROM bots WHERE id = ?");
    this.filesOf = db.prepare<[number], FileRow>(
      "SELECT kind, name, content, updated_at FROM files WHERE bot_id = ? ORDER BY kind, name",
    );
    this.fileNames = db.prepare<[number], Omit<FileRow, "content">>(
      "SELECT kind, name, updated_at FROM files WHERE bot_id = ? ORDER BY kind, name",
    );
    this.getFile = db.prepare<[number, string, string], FileRow>(
      "SELECT kind, name, content, updated_at FROM files WHERE bot_id = ? AND kind = ? AND name = ?",
    );
    this.putFile = db.prepare<[number, string, string, Buffer, number]>(
      `INSERT INTO files (bot_id, kind, name, content, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (bot_id, kind, name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`,
    );
    this.deleteFile = db.prepare<[number, string, string]>(
      "DELETE FROM files WHERE bot_id = ? AND kind = ? AND name = ?",
    );
    this.insertVersion = db.prepare<[number, string, number, number]>(
      "INSERT INTO compiled_versions (bot_id, source, size, created_at) VALUES (?, ?, ?, ?)",
    );
    this.markGood = db.prepare<[number, number]>(
      "UPDATE bots SET good_version_id = ?, last_verify_failed = 0 WHERE id = ?",
    );
    this.markFailed = db.prepare<[number]>("UPDATE bots SET last_verify_failed = 1 WHERE id = ?");
    this.versionSource = db.prepare<[number], { source: string }>(
      "SELECT source FROM compiled_versions WHERE id = ?",
    );
    // Only the serving version is ever read again; older ones are dropped.
    this.pruneVersions = db.prepare<[number, number]>(
      "DELETE FROM compiled_versions WHERE bot_id = ? AND id <> ?",
    );
  }

  find(appId: string, name: string): BotRow | undefined {
    const cacheKey = `${appId}\u0000${name}`;
    if (this.rowsByName.has(cacheKey)) return this.rowsByName.get(cacheKey);
    const row = this.byName.get(appId, name);
    // Misses are not cached: guessed names must not grow the map.
    if (row && this.options.cacheRows) this.rowsByName.set(cacheKey, row);
    return row;
  }

  findByKey(botkey: string): BotRow | undefined {
    if (this.rowsByKey.has(botkey)) return this.rowsByKey.get(botkey);
    const row = this.byKey.get(botkey);
    if (row && this.options.cacheRows) this.rowsByKey.set(botkey, row);
    return row;
  }

  /** After every write here, and after writes made through another connection (a talk worker's verify). */
  forgetCachedRows(): void {
    this.rowsByName.clear();
    this.rowsByKey.clear();
  }

  listBots(appId: string): BotRow[] {
    return this.list.all(appId);
  }

  countBots(appId: string): number {
    return this.count.get(appId)?.n ?? 0;
  }

  create(appId: string, name: string, botkey: string, now: number): BotRow {
    underLock(this.options.lock, () => this.insert.run(appId, name, botkey, now));
    this.forgetCachedRows();
    const row = this.find(appId, name);
    if (!row) throw new Error("bot vanished right after insert");
    return row;
  }

  delete(botId: number): void {
    underLock(this.options.lock, () => this.remove.run(botId));
    this.forgetCachedRows();
  }

  files(botId: number): FileRow[] {
    return this.filesOf.all(botId);
  }

  fileList(botId: number): Array<Omit<FileRow, "content">> {
    return this.fileNames.all(botId);
  }

  file(botId: number, kind: FileKind, name: string): FileRow | undefined {
    return this.getFile.get(botId, kind, name);
  }

  saveFile(botId: number, kind: FileKind, name: string, content: Buffer, now: number): void {
    underLock(this.options.lock, () => this.putFile.run(botId, kind, name, content, now));
  }

  /** Returns false when there was no such file. */
  removeFile(botId: number, kind: FileKind, name: string): boolean {
    return underLock(this.options.lock, () => this.deleteFile.run(botId, kind, name).changes > 0);
  }

  /**
   * Records a successful compilation and makes it the serving version; undefined if the bot was
   * deleted meanwhile (a compile takes a while).
   */
  saveGoodVersion(botId: number, source: string, size: number, now: number): number | undefined {
    this.forgetCachedRows();
    const save = this.db.transaction(() => {
      if (!this.exists.get(botId)) return undefined;
      const id = Number(this.insertVersion.run(botId, source, size, now).lastInsertRowid);
      this.markGood.run(id, botId);
      this.pruneVersions.run(botId, id);
      return id;
    });
    return underLock(this.options.lock, save);
  }

  markVerifyFailed(botId: number): void {
    underLock(this.options.lock, () => this.markFailed.run(botId));
    this.forgetCachedRows();
  }

  versionSourceOf(versionId: number): string | undefined {
    return this.versionSource.get(versionId)?.source;
  }
}
