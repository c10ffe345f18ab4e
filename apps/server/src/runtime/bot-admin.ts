// Bot and file management behind the /bot routes.
import { randomBytes } from "node:crypto";
import { zipSync } from "fflate";
import { displayName, type FileKind, parseJsonFile } from "../domain/file-kinds.js";
import { assertBotName } from "../domain/names.js";
import { ConflictError, PlanLimitError, PreconditionFailedError } from "../http/errors.js";
import type { BotRow, BotStore } from "../storage/bot-store.js";
import type { TurnRunner } from "../turns/turn.js";
import type { VerifyOutcome } from "./bot-registry.js";

export interface FileListing {
  botname: string;
  files: Array<{ name: string; modified: string }>;
  sets: Array<{ name: string; modified: string }>;
  maps: Array<{ name: string; modified: string }>;
  substitutions: Array<{ name: string; modified: string }>;
  properties: Array<{ name: string; modified: string }>;
  pdefaults: Array<{ name: string; modified: string }>;
}

const LISTING_KEY: Record<FileKind, Exclude<keyof FileListing, "botname">> = {
  file: "files",
  set: "sets",
  map: "maps",
  substitution: "substitutions",
  properties: "properties",
  pdefaults: "pdefaults",
};

export class BotAdmin {
  constructor(
    private readonly bots: BotStore,
    /** Where talk turns run, and so where bots are compiled. */
    private readonly turns: Pick<TurnRunner, "verify" | "forget">,
    private readonly clock: () => number,
    private readonly maxBots: number,
  ) {}

  list(appId: string): Array<{ botname: string; botkey: string; compiled: boolean }> {
    return this.bots.listBots(appId).map((row) => ({
      botname: row.name,
      // A botkey is public by design (it is what web pages embed), so its owner may list it.
      botkey: row.botkey,
      compiled: row.good_version_id !== null,
    }));
  }

  create(appId: string, name: string): BotRow {
    assertBotName(name);
    if (this.bots.find(appId, name)) throw new ConflictError(`Bot ${name} already exists`);
    if (this.maxBots > 0 && this.bots.countBots(appId) >= this.maxBots) {
      throw new PlanLimitError("Plan limit reached: maximum number of bots");
    }
    return this.bots.create(appId, name, randomBytes(24).toString("base64url"), this.clock());
  }

  delete(appId: string, name: string): void {
    const row = this.existing(appId, name);
    this.bots.delete(row.id);
    this.turns.forget(row.id);
  }

  existing(appId: string, name: string): BotRow {
    assertBotName(name);
    const row = this.bots.find(appId, name);
    if (!row) throw new PreconditionFailedError(`Unknown bot ${name}`);
    return row;
  }

  upload(row: BotRow, kind: FileKind, name: string, body: Buffer): void {
    if (kind !== "file") parseJsonFile(kind, name, body.toString("utf8"));
    this.bots.saveFile(row.id, kind, name, body, this.clock());
  }

  retrieve(row: BotRow, kind: FileKind, name: string): Buffer {
    const file = this.bots.file(row.id, kind, name);
    if (!file) throw new PreconditionFailedError(`Unknown file ${displayName(kind, name)}`);
    return file.content;
  }

  remove(row: BotRow, kind: FileKind, name: string): void {
    if (!this.bots.removeFile(row.id, kind, name)) {
      throw new PreconditionFailedError(`Unknown file ${displayName(kind, name)}`);
    }
  }

  listing(row: BotRow): FileListing {
    const listing: FileListing = {
      botname: row.name,
      files: [],
      sets: [],
      maps: [],
      substitutions: [],
      properties: [],
      pdefaults: [],
    };
    for (const file of this.bots.fileList(row.id)) {
      listing[LISTING_KEY[file.kind]].push({
        name: displayName(file.kind, file.name),
        modified: new Date(file.updated_at).toISOString(),
      });
    }
    return listing;
  }

  zip(row: BotRow): Uint8Array {
    const entries: Record<string, Uint8Array> = {};
    for (const file of this.bots.files(row.id)) entries[displayName(file.kind, file.name)] = file.content;
    return zipSync(entries, { level: 6, mtime: new Date(this.clock()) });
  }

  async verify(row: BotRow): Promise<VerifyOutcome> {
    const outcome = await this.turns.verify(row.id);
    // A worker's connection may have written the bot's row: reread it on the next request.
    this.bots.forgetCachedRows();
    return outcome;
  }
}
