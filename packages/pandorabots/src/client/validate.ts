// Client-side checks run before any request, so mistakes fail fast with a clear message instead of
// a bare 400 from the service. Exported: the server and CLI reuse the same rules.
import { PandorabotsValidationError } from "./errors.js";
import { FILE_KINDS, type FileKind, isNamedKind } from "./file-kinds.js";

/** The talk API rejects longer input with a 400. */
export const MAX_INPUT_LENGTH = 2000;

const BOT_NAME = /^[0-9a-z]{3,64}$/;
const FILE_NAME = /^[0-9a-z]+$/;
/** Documented client names: 3–64 of [0-9a-z]. */
const PLAIN_CLIENT_NAME = /^[0-9a-z]{3,64}$/;
/** What atalk actually hands out: aiaas-{app_id}-user-{nnnn}. */
const ATALK_CLIENT_NAME = /^aiaas-[0-9A-Za-z_-]+-user-[0-9]{4,}$/;

/** Returns a problem description, or undefined when `name` is a valid bot name. */
export function botNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "a bot name is required";
  if (!BOT_NAME.test(name))
    return `invalid bot name "${clip(name)}": use 3 to 64 lowercase letters and digits (e.g. "mybot1")`;
  return undefined;
}

/** Returns a problem description, or undefined when `name` is a valid file name (without extension). */
export function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "a file name is required";
  if (name.includes("."))
    return `invalid file name "${clip(name)}": give the name without its extension (e.g. "colors", not "colors.set")`;
  if (!FILE_NAME.test(name))
    return `invalid file name "${clip(name)}": use only lowercase letters and digits`;
  return undefined;
}

export function isFileKind(kind: unknown): kind is FileKind {
  return typeof kind === "string" && (FILE_KINDS as readonly string[]).includes(kind);
}

/** Returns a problem description, or undefined when `kind` is one of the six bot file kinds. */
export function fileKindProblem(kind: unknown): string | undefined {
  if (isFileKind(kind)) return undefined;
  return `invalid file kind "${clip(String(kind))}": use one of ${FILE_KINDS.join(", ")}`;
}

/** Accepts both the documented form (3–64 of [0-9a-z]) and atalk's `aiaas-{app_id}-user-{nnnn}`. */
export function clientNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "a client name is required";
  if (PLAIN_CLIENT_NAME.test(name) || (name.length <= 128 && ATALK_CLIENT_NAME.test(name))) return undefined;
  return `invalid client_name "${clip(name)}": use 3 to 64 lowercase letters and digits, or a name handed out by atalk (aiaas-APPID-user-0000)`;
}

/** Returns a problem description, or undefined when `input` can be sent in one talk call. */
export function inputProblem(input: unknown, max = MAX_INPUT_LENGTH): string | undefined {
  if (typeof input !== "string" || input.trim().length === 0)
    return "input is required and must not be blank";
  if (input.length > max)
    return `input is ${input.length} characters long; the talk API accepts at most ${max} (split it into several calls)`;
  return undefined;
}

export function isValidBotName(name: unknown): name is string {
  return botNameProblem(name) === undefined;
}
export function isValidFileName(name: unknown): name is string {
  return fileNameProblem(name) === undefined;
}
export function isValidClientName(name: unknown): name is string {
  return clientNameProblem(name) === undefined;
}

export function assertBotName(name: unknown): asserts name is string {
  fail("botname", botNameProblem(name));
}
export function assertFileName(name: unknown): asserts name is string {
  fail("filename", fileNameProblem(name));
}
export function assertFileKind(kind: unknown): asserts kind is FileKind {
  fail("kind", fileKindProblem(kind));
}
export function assertClientName(name: unknown): asserts name is string {
  fail("client_name", clientNameProblem(name));
}
export function assertInput(input: unknown, max = MAX_INPUT_LENGTH): asserts input is string {
  fail("input", inputProblem(input, max));
}

/** Checks kind + name together: named kinds need a name, properties / pdefaults take none. */
export function assertFileRef(kind: unknown, name: unknown): void {
  assertFileKind(kind);
  if (isNamedKind(kind)) assertFileName(name);
  else if (name !== undefined && name !== "")
    fail("filename", `a bot has one ${kind} file: do not give it a name (got "${clip(String(name))}")`);
}

function fail(field: string, problem: string | undefined): void {
  if (problem !== undefined) throw new PandorabotsValidationError(field, problem);
}

/** Keeps echoed values short: an accidental megabyte paste should not become a megabyte message. */
function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
