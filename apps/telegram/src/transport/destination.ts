// Address (as the gateway hands it back) -> where and how a Telegram message is sent.
import type { Address } from "@parley/core";
import type { Destination } from "./sender.js";

const DIGITS = /^\d+$/;

export function destinationOf(to: Address): Destination {
  const threadId = to.meta?.threadId;
  // Only group answers quote the question. The gateway fills `replyTo` with our messageId
  // ("chat:message" or "callback:id") when we left it empty, and that is no message id.
  const quote =
    to.meta?.chatType !== "private" && DIGITS.test(to.replyTo ?? "") ? Number(to.replyTo) : undefined;
  return {
    chatId: to.conversationId,
    ...(threadId && DIGITS.test(threadId) ? { threadId: Number(threadId) } : {}),
    ...(quote !== undefined ? { replyTo: quote } : {}),
    ...(to.meta?.userId ? { userId: to.meta.userId } : {}),
  };
}
