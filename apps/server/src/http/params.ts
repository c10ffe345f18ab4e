// Reads talk parameters from the query string and/or a form body, as the official clients send either.
import { assertClientName } from "../domain/names.js";
import type { TalkParams } from "../runtime/talk-service.js";
import { BadRequestError } from "./errors.js";

export const MAX_INPUT_LENGTH = 2000;

export type RawParams = Record<string, unknown>;

/** Form body values win over query values of the same name. */
export function mergeParams(query: unknown, body: unknown): RawParams {
  const merged: RawParams = {};
  for (const source of [query, body]) {
    if (source && typeof source === "object" && !Buffer.isBuffer(source)) Object.assign(merged, source);
  }
  return merged;
}

export function stringParam(params: RawParams, name: string): string | undefined {
  const value = params[name];
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" ? value : undefined;
}

function flag(params: RawParams, name: string): boolean {
  const value = stringParam(params, name);
  return value !== undefined && /^(true|1|yes|on)$/i.test(value);
}

export function parseTalkParams(params: RawParams): TalkParams {
  const input = stringParam(params, "input");
  if (input === undefined || input.trim() === "") throw new BadRequestError("Missing input");
  if (input.length > MAX_INPUT_LENGTH) {
    throw new BadRequestError(`Input too long: at most ${MAX_INPUT_LENGTH} characters`);
  }
  const talk: TalkParams = {
    input,
    extra: flag(params, "extra"),
    trace: flag(params, "trace"),
    reset: flag(params, "reset"),
    recent: flag(params, "recent"),
    reload: flag(params, "reload"),
  };
  const clientName = stringParam(params, "client_name");
  if (clientName !== undefined && clientName !== "") {
    assertClientName(clientName);
    talk.clientName = clientName;
  }
  const session = stringParam(params, "sessionid");
  if (session !== undefined && session !== "") {
    const id = Number(session);
    if (!/^\d{1,10}$/.test(session) || id < 1 || id > 2_147_483_647) {
      throw new BadRequestError("Invalid sessionid: a positive 4-byte integer");
    }
    talk.sessionId = id;
  }
  const that = stringParam(params, "that");
  if (that) talk.that = that;
  const topic = stringParam(params, "topic");
  if (topic) talk.topic = topic;
  return talk;
}
