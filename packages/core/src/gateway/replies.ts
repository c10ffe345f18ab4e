import type { Reply } from "../types/index.js";

export const defaultBusyReply = "I'm answering a lot of people right now. Please try again in a minute.";
export const defaultApologyReply = "Sorry, I can't answer right now. Please try again a little later.";

/** Config may give a canned reply as plain text or as a full Reply. */
export function toReply(reply: string | Reply): Reply {
  return typeof reply === "string" ? { messages: [[{ type: "text", text: reply }]] } : reply;
}

export function isEmptyReply(reply: Reply): boolean {
  return reply.messages.every((message) => message.length === 0);
}
