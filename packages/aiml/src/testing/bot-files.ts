import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BotSource } from "../types.js";

/** Reads an AIML file honouring an ISO-8859-1 declaration (some published bots use it). */
export function readAiml(path: string): string {
  const buf = readFileSync(path);
  const head = buf.subarray(0, 200).toString("latin1");
  if (/encoding\s*=\s*["'](ISO-8859-1|latin-?1|windows-1252)["']/i.test(head)) return buf.toString("latin1");
  return buf.toString("utf8").replace(/^\uFEFF/, "");
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** The repository root (holds pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("repository root (pnpm-workspace.yaml) not found");
    dir = up;
  }
  return dir;
}

/** `../shared/aiml-conformance` beside the repository, as CI lays it out. */
export function conformanceDir(): string {
  return resolve(repoRoot(), "../shared/aiml-conformance");
}

const list = (dir: string, ext: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => extname(f) === ext)
        .sort()
    : [];

/** A bot in the Pandorabots folder layout: aiml/, sets/, maps/, substitutions/, system/*.properties|pdefaults. */
export function loadBotDir(dir: string): BotSource {
  const source: BotSource = { aiml: [], sets: {}, maps: {}, substitutions: {} };
  for (const f of list(join(dir, "aiml"), ".aiml"))
    source.aiml.push({ name: f, content: readAiml(join(dir, "aiml", f)) });
  for (const f of list(join(dir, "sets"), ".set"))
    (source.sets as Record<string, string[][]>)[basename(f, ".set")] = readJson(join(dir, "sets", f));
  for (const f of list(join(dir, "maps"), ".map"))
    (source.maps as Record<string, Array<[string, string]>>)[basename(f, ".map")] = readJson(
      join(dir, "maps", f),
    );
  for (const f of list(join(dir, "substitutions"), ".substitution"))
    (source.substitutions as Record<string, Array<[string, string]>>)[basename(f, ".substitution")] =
      readJson(join(dir, "substitutions", f));
  const props = list(join(dir, "system"), ".properties")[0];
  if (props) source.properties = readJson(join(dir, "system", props));
  const pdefaults = list(join(dir, "system"), ".pdefaults")[0];
  if (pdefaults) source.pdefaults = readJson(join(dir, "system", pdefaults));
  return source;
}
