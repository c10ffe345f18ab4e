export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, PandorabotsClient, type VerifyResult } from "./client.js";
export * from "./errors.js";
export {
  displayFileName,
  FILE_KINDS,
  type FileKind,
  fileKindFromFileName,
  isNamedKind,
  kindPathSegment,
  NAMED_FILE_KINDS,
  type NamedFileKind,
  SINGLE_FILE_KINDS,
  type SingleFileKind,
} from "./file-kinds.js";
export { parseRetryAfter } from "./retry-after.js";
export type * from "./types.js";
export * from "./validate.js";
