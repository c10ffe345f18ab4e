// Turns a bot's stored files into the interpreter's BotSource.
import type { BotSource } from "../engine/contract.js";
import type { FileRow } from "../storage/bot-store.js";
import { displayName } from "./file-kinds.js";

/** AIML files may declare a legacy encoding (ALICE's files say ISO-8859-1); honour it. */
export function decodeAiml(content: Buffer): string {
  const head = content.subarray(0, 200).toString("latin1");
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(content);
    } catch {
      // Unknown label: fall back to UTF-8 and let the compiler report what it finds.
    }
  }
  return new TextDecoder("utf-8").decode(content);
}

export function buildBotSource(files: FileRow[]): BotSource {
  const sets: Record<string, string[][]> = {};
  const maps: Record<string, Array<[string, string]>> = {};
  const substitutions: Record<string, Array<[string, string]>> = {};
  const source: BotSource = { aiml: [], sets, maps, substitutions };
  for (const file of files) {
    if (file.kind === "file") {
      source.aiml.push({ name: displayName("file", file.name), content: decodeAiml(file.content) });
      continue;
    }
    // Non-AIML files were validated as JSON on upload.
    const value = JSON.parse(file.content.toString("utf8"));
    if (file.kind === "set") sets[file.name] = value;
    else if (file.kind === "map") maps[file.name] = value;
    else if (file.kind === "substitution") substitutions[file.name] = value;
    else if (file.kind === "properties") source.properties = value;
    else if (file.kind === "pdefaults") source.pdefaults = value;
  }
  return source;
}
