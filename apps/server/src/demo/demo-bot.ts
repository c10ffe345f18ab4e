// Loads the demo bot shipped in apps/server/demo-bot on a data dir's first start.
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileKind } from "../domain/file-kinds.js";
import type { BotAdmin } from "../runtime/bot-admin.js";
import type { VerifyOutcome } from "../runtime/bot-registry.js";
import type { Db } from "../storage/database.js";

export const DEMO_BOT_NAME = "parley";

/** Resolved from the package root, so it works from src/ (tests) and dist/ alike. */
export const DEMO_BOT_DIR = fileURLToPath(new URL("../../demo-bot/", import.meta.url));

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  ".aiml": "file",
  ".set": "set",
  ".map": "map",
  ".substitution": "substitution",
  ".properties": "properties",
  ".pdefaults": "pdefaults",
};

export type DemoBotResult = { loaded: false } | { loaded: true; verify: VerifyOutcome };

/**
 * Creates, uploads and compiles the demo bot once per data dir. A user who deletes it later does
 * not get it back on the next start.
 */
export async function ensureDemoBot(db: Db, admin: BotAdmin, appId: string): Promise<DemoBotResult> {
  const marker = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'demo_bot_loaded'")
    .get();
  if (marker) return { loaded: false };
  const bot = admin.create(appId, DEMO_BOT_NAME);
  for (const entry of readdirSync(DEMO_BOT_DIR).sort()) {
    const kind = KIND_BY_EXTENSION[extname(entry)];
    if (!kind) continue;
    const name = kind === "file" ? basename(entry, ".aiml") : basename(entry, extname(entry));
    admin.upload(
      bot,
      kind,
      kind === "properties" || kind === "pdefaults" ? DEMO_BOT_NAME : name,
      readFileSync(`${DEMO_BOT_DIR}${entry}`),
    );
  }
  const verify = await admin.verify(bot);
  db.prepare("INSERT INTO meta (key, value) VALUES ('demo_bot_loaded', ?)").run(new Date().toISOString());
  return { loaded: true, verify };
}
