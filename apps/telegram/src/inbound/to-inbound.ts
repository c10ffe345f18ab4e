// Telegram message / button press -> the gateway's Inbound. Interlocutor = the Telegram user id.
import type { Address, Inbound } from "@parley/core";
import type { CallbackQuery, Message, User } from "telegraf/types";

export const CHANNEL = "telegram";

export function messageInbound(message: Message, text: string, resetSession: boolean | undefined): Inbound {
  const from = message.from as User;
  const isPrivate = message.chat.type === "private";
  return {
    channel: CHANNEL,
    userId: String(from.id),
    conversationId: String(message.chat.id),
    messageId: `${message.chat.id}:${message.message_id}`,
    text,
    profile: profileOf(from),
    // In groups the answer quotes the question, so everyone sees whom the bot answers.
    ...(isPrivate ? {} : { replyTo: String(message.message_id) }),
    meta: metaOf(from, message),
    ...(resetSession ? { resetSession: true } : {}),
  };
}

export function callbackInbound(query: CallbackQuery, message: Message, postback: string): Inbound {
  return {
    channel: CHANNEL,
    userId: String(query.from.id),
    conversationId: String(message.chat.id),
    messageId: `callback:${query.id}`,
    text: postback,
    profile: profileOf(query.from),
    meta: metaOf(query.from, message),
  };
}

/** Where to answer a message without going through the gateway (the non-text answer). */
export function addressOfMessage(message: Message): Address {
  return {
    channel: CHANNEL,
    conversationId: String(message.chat.id),
    ...(message.chat.type === "private" ? {} : { replyTo: String(message.message_id) }),
    ...(message.from ? { meta: metaOf(message.from, message) } : {}),
  };
}

function profileOf(user: User): Inbound["profile"] {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return { ...(name ? { name } : {}), ...(user.language_code ? { locale: user.language_code } : {}) };
}

function metaOf(from: User, message: Message): Record<string, string> {
  const meta: Record<string, string> = { userId: String(from.id), chatType: message.chat.type };
  if ("is_topic_message" in message && message.is_topic_message && message.message_thread_id !== undefined) {
    meta.threadId = String(message.message_thread_id);
  }
  return meta;
}
