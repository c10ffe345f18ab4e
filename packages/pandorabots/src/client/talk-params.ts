// Checks talk parameters and writes them the way the API names them.
import { PandorabotsValidationError } from "./errors.js";
import type { TalkParams } from "./types.js";
import { assertClientName, assertInput } from "./validate.js";

const SESSION_ID_MAX = 2 ** 31 - 1;

export function encodeTalkParams(params: TalkParams): URLSearchParams {
  assertInput(params.input);
  const out = new URLSearchParams();
  out.set("input", params.input);
  if (params.client_name !== undefined) {
    assertClientName(params.client_name);
    out.set("client_name", params.client_name);
  }
  if (params.sessionid !== undefined && params.sessionid !== "") {
    const id = Number(params.sessionid);
    if (!Number.isInteger(id) || id < -SESSION_ID_MAX - 1 || id > SESSION_ID_MAX) {
      throw new PandorabotsValidationError(
        "sessionid",
        `sessionid must be a 4-byte integer handed out by the service (got "${String(params.sessionid).slice(0, 40)}")`,
      );
    }
    out.set("sessionid", String(id));
  }
  if (params.trace && params.client_name !== undefined) {
    throw new PandorabotsValidationError(
      "trace",
      "trace cannot be combined with client_name (the service refuses it for privacy): drop one of them",
    );
  }
  for (const flag of ["extra", "trace", "reset", "recent", "reload"] as const) {
    if (params[flag] === true) out.set(flag, "true");
  }
  if (params.that !== undefined) out.set("that", params.that);
  if (params.topic !== undefined) out.set("topic", params.topic);
  return out;
}
