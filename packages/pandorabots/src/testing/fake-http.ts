// Small HTTP helpers of the fake: typed early answers, reading query and form, naming files.
import type { FastifyRequest } from "fastify";
import type { FakeFileKind, RecordedCall } from "./fake-state.js";

/** Thrown by a route to answer with a status and JSON body (the error handler sends it). */
export class Answer extends Error {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake answer ${status}`);
  }
}

/** Answers like the service does on error: `{"status":"error","message":...}`. */
export const fail = (status: number, message: string, extra: Record<string, unknown> = {}): never => {
  throw new Answer(status, { status: "error", message, ...extra });
};

export const BOT_NAME = /^[0-9a-z]{3,64}$/;
export const FILE_NAME = /^[0-9a-z]+$/;
export const PLAIN_CLIENT = /^[0-9a-z]{3,64}$/;
export const ATALK_CLIENT = /^aiaas-[0-9A-Za-z_-]+-user-\d{4,}$/;
export const NAMED_KINDS: FakeFileKind[] = ["file", "set", "map", "substitution"];
export const SINGLE_KINDS: FakeFileKind[] = ["properties", "pdefaults"];
const EXTENSION: Record<FakeFileKind, string> = {
  file: "aiml",
  set: "set",
  map: "map",
  substitution: "substitution",
  properties: "properties",
  pdefaults: "pdefaults",
};

export function isForm(contentType: string | undefined): boolean {
  return contentType?.startsWith("application/x-www-form-urlencoded") ?? false;
}

export function queryOf(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(new URL(req.url, "http://fake").searchParams);
}

/** The form body's fields, when the request carried one. */
export function formOf(req: FastifyRequest): Record<string, string> | undefined {
  const body = typeof req.body === "string" ? req.body : undefined;
  if (!isForm(req.headers["content-type"]) || body === undefined) return undefined;
  return Object.fromEntries(new URLSearchParams(body));
}

/** "greetings.aiml", "colors.set"; a bot's one properties / pdefaults file is named after the bot. */
export function fileName(kind: FakeFileKind, name: string, botname = "bot"): string {
  return SINGLE_KINDS.includes(kind) ? `${botname}.${EXTENSION[kind]}` : `${name}.${EXTENSION[kind]}`;
}

const CREDENTIALS = new Set(["user_key", "botkey", "return"]);

/** Talk parameters from the query string and/or the form body (credentials left out). */
export function talkParams(
  query: Record<string, string>,
  form: Record<string, string> | undefined,
): { params: Record<string, string>; paramsIn: RecordedCall["paramsIn"] } {
  const fromQuery = Object.fromEntries(Object.entries(query).filter(([k]) => !CREDENTIALS.has(k)));
  const inQuery = Object.keys(fromQuery).length > 0;
  const inForm = form !== undefined && Object.keys(form).length > 0;
  const paramsIn = inQuery && inForm ? "both" : inQuery ? "query" : inForm ? "form" : "none";
  return { params: { ...fromQuery, ...(form ?? {}) }, paramsIn };
}
