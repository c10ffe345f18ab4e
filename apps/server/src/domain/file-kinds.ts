// The bot file kinds of the API, how each is named in a path and in a zip, and how its body is checked.
import { BadRequestError, NotFoundError } from "../http/errors.js";
import { assertFileName } from "./names.js";

export type FileKind = "file" | "set" | "map" | "substitution" | "properties" | "pdefaults";

/** Kinds addressed as /{kind}/{name}. */
export const NAMED_KINDS: readonly FileKind[] = ["file", "set", "map", "substitution"];
/** Kinds addressed as /{kind}: one per bot. */
export const SINGLE_KINDS: readonly FileKind[] = ["properties", "pdefaults"];

const EXTENSION: Record<FileKind, string> = {
  file: ".aiml",
  set: ".set",
  map: ".map",
  substitution: ".substitution",
  properties: ".properties",
  pdefaults: ".pdefaults",
};

export function parseNamedKind(kind: string): FileKind {
  if ((NAMED_KINDS as readonly string[]).includes(kind)) return kind as FileKind;
  throw new NotFoundError(`Unknown file kind "${kind}"`);
}

export function parseSingleKind(kind: string): FileKind {
  if ((SINGLE_KINDS as readonly string[]).includes(kind)) return kind as FileKind;
  if ((NAMED_KINDS as readonly string[]).includes(kind)) {
    throw new BadRequestError(`A ${kind} file needs a file name in the path`);
  }
  throw new NotFoundError(`Unknown file kind "${kind}"`);
}

/**
 * Validates the path's file name for a kind and returns the stored name: AIML files keep their
 * ".aiml" extension in the path; other kinds are addressed without extension.
 */
export function storedFileName(kind: FileKind, pathName: string, botname: string): string {
  if (kind === "properties" || kind === "pdefaults") return botname;
  if (kind === "file") {
    if (!pathName.endsWith(".aiml")) throw new BadRequestError("Invalid file name: AIML files end in .aiml");
    const base = pathName.slice(0, -".aiml".length);
    assertFileName(base);
    return base;
  }
  assertFileName(pathName);
  return pathName;
}

export function displayName(kind: FileKind, name: string): string {
  return `${name}${EXTENSION[kind]}`;
}

export type JsonFileContent = string[][] | Array<[string, string]>;

/** Parses and checks a non-AIML file; the error names the file and the problem. */
export function parseJsonFile(kind: FileKind, name: string, body: string): JsonFileContent {
  const label = displayName(kind, name);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new BadRequestError(`${label}: malformed JSON (${(error as Error).message})`, { file: label });
  }
  if (!Array.isArray(value)) throw new BadRequestError(`${label}: expected a JSON array`, { file: label });
  value.forEach((entry, index) => {
    if (kind === "set") {
      if (!Array.isArray(entry) || entry.length === 0 || !entry.every((word) => typeof word === "string")) {
        throw new BadRequestError(`${label}: entry ${index + 1} must be a non-empty array of strings`, {
          file: label,
        });
      }
    } else if (
      !Array.isArray(entry) ||
      entry.length !== 2 ||
      typeof entry[0] !== "string" ||
      typeof entry[1] !== "string"
    ) {
      throw new BadRequestError(`${label}: entry ${index + 1} must be a [key, value] pair of strings`, {
        file: label,
      });
    }
  });
  return value as JsonFileContent;
}
