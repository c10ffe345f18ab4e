import type { InterlocutorKey } from "../types/index.js";

/** One string per (bot, channel, scoped user id); NUL cannot appear in any of them. */
export function keyString(key: InterlocutorKey): string {
  return `${key.bot}\u0000${key.channel}\u0000${key.userId}`;
}

export function assertKey(key: InterlocutorKey): void {
  for (const field of ["bot", "channel", "userId"] as const) {
    const value = key[field];
    if (typeof value !== "string" || value === "" || value.includes("\u0000")) {
      throw new TypeError(`Interlocutor key field "${field}" must be a non-empty string without NUL`);
    }
  }
}
