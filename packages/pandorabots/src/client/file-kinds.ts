// The bot file kinds of the AIaaS API and how each maps to a URL path and a file name.

/** The six kinds of bot file. "aiml" is the API's `file` kind. */
export const FILE_KINDS = ["aiml", "set", "map", "substitution", "properties", "pdefaults"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Kinds a bot holds many of, each under its own name. */
export const NAMED_FILE_KINDS = ["aiml", "set", "map", "substitution"] as const;
export type NamedFileKind = (typeof NAMED_FILE_KINDS)[number];

/** Kinds a bot holds exactly one of (no name in the path). */
export const SINGLE_FILE_KINDS = ["properties", "pdefaults"] as const;
export type SingleFileKind = (typeof SINGLE_FILE_KINDS)[number];

export function isNamedKind(kind: FileKind): kind is NamedFileKind {
  return (NAMED_FILE_KINDS as readonly string[]).includes(kind);
}

/** The `{file-kind}` path segment the API expects. */
export function kindPathSegment(kind: FileKind): string {
  return kind === "aiml" ? "file" : kind;
}

/**
 * How the file is called in messages and zips: "greetings.aiml", "colors.set"; a bot's one
 * properties / pdefaults file is named after the bot ("mybot.properties").
 */
export function displayFileName(kind: FileKind, name?: string, botname?: string): string {
  if (isNamedKind(kind)) return `${name ?? ""}.${kind}`;
  return botname ? `${botname}.${kind}` : kind;
}

/**
 * Reads a local file name such as "colors.set" or "greetings.aiml" into kind and name; returns
 * undefined when the extension is not a bot file kind.
 */
export function fileKindFromFileName(fileName: string): { kind: FileKind; name: string } | undefined {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const name = fileName.slice(0, dot);
  if (!(FILE_KINDS as readonly string[]).includes(ext)) return undefined;
  return { kind: ext as FileKind, name };
}
