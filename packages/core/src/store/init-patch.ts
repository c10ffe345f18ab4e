import type { Interlocutor } from "../types/index.js";

export type InitFn = (
  created: Interlocutor,
) => Promise<Partial<Pick<Interlocutor, "clientName" | "sessionId">>>;

export type InterlocutorPatch = Partial<Pick<Interlocutor, "clientName" | "sessionId" | "lastSeenAt">>;

/** Applies only the fields a patch may change, ignoring anything else a caller slipped in. */
export function applyPatch(target: Interlocutor, patch: InterlocutorPatch): Interlocutor {
  const next = { ...target };
  if (patch.clientName !== undefined) next.clientName = patch.clientName;
  if (patch.sessionId !== undefined) next.sessionId = patch.sessionId;
  if (patch.lastSeenAt !== undefined) next.lastSeenAt = patch.lastSeenAt;
  return next;
}
