// Reads the shared alice2 bot (../shared/aiml-conformance/bots/alice2 from the repository root).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ALICE2_DIR = fileURLToPath(
  new URL("../../../../../shared/aiml-conformance/bots/alice2/", import.meta.url),
);

export interface BotUpload {
  /** API path after /bot/{app}/{bot}/, e.g. "file/udc.aiml" or "set/color". */
  path: string;
  body: Buffer;
}

/** File names lose characters the API does not allow in names (alice2 has "reductions_update.aiml"). */
const apiName = (file: string) => file.replace(/[^0-9a-z]/g, "");

export function alice2Uploads(): BotUpload[] | undefined {
  if (!existsSync(ALICE2_DIR)) return undefined;
  const uploads: BotUpload[] = [];
  const dir = (sub: string) => readdirSync(join(ALICE2_DIR, sub)).sort();
  for (const file of dir("aiml")) {
    uploads.push({
      path: `file/${apiName(file.replace(/\.aiml$/, ""))}.aiml`,
      body: readFileSync(join(ALICE2_DIR, "aiml", file)),
    });
  }
  for (const [sub, kind, ext] of [
    ["sets", "set", ".set"],
    ["maps", "map", ".map"],
    ["substitutions", "substitution", ".substitution"],
  ] as const) {
    for (const file of dir(sub)) {
      uploads.push({
        path: `${kind}/${apiName(file.slice(0, -ext.length))}`,
        body: readFileSync(join(ALICE2_DIR, sub, file)),
      });
    }
  }
  uploads.push({ path: "properties", body: readFileSync(join(ALICE2_DIR, "system", "alice2.properties")) });
  uploads.push({ path: "pdefaults", body: readFileSync(join(ALICE2_DIR, "system", "alice2.pdefaults")) });
  return uploads;
}

/** The single-turn inputs of alice2's transcripts: realistic traffic for the bot. */
export function alice2Inputs(): string[] {
  const transcripts = JSON.parse(readFileSync(join(ALICE2_DIR, "transcripts.json"), "utf8")) as {
    conversations: Array<{ steps: Array<{ input: string }> }>;
  };
  return transcripts.conversations.flatMap((c) => c.steps.map((s) => s.input)).filter((i) => i.length > 0);
}
