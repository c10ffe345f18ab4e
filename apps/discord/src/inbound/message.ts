// A discord.js message -> the Inbound the gateway gets, or why it is not answered.
import type { Inbound } from "@parley/core";
import type { Message } from "discord.js";
import { stripBotMention } from "./mention.js";

export type MessageDecision =
  | { answer: true; inbound: Inbound }
  | { answer: false; reason: "from-bot" | "not-addressed" | "empty-content" | "no-text" };

/**
 * Who is answered: direct messages; in servers only messages that mention the bot or reply to it.
 * Messages from bots, the bot itself included, never are (no bot-to-bot loops).
 */
export function decideMessage(message: Message, botId: string): MessageDecision {
  if (message.author.bot || message.author.id === botId) return { answer: false, reason: "from-bot" };
  const guildId = message.guildId;
  if (guildId) {
    // Typing "@Bot" in a server may pick the bot's own managed role instead of the bot user.
    const mentioned = message.mentions.users.has(botId) || botRoleOf(message, botId) !== undefined;
    const repliedToBot = message.mentions.repliedUser?.id === botId;
    if (!mentioned && !repliedToBot) return { answer: false, reason: "not-addressed" };
  }
  // Without the Message Content intent Discord delivers server messages with empty content.
  if (message.content === "" && message.attachments.size === 0)
    return { answer: false, reason: "empty-content" };
  const text = stripBotMention(message.content, botId, botRoleOf(message, botId));
  if (!text) return { answer: false, reason: "no-text" };

  const name = message.member?.displayName ?? message.author.globalName ?? message.author.username;
  const inbound: Inbound = {
    channel: "discord",
    userId: message.author.id,
    conversationId: message.channelId,
    messageId: message.id,
    text,
    profile: { name },
    meta: guildId ? { source: "guild-message", guildId } : { source: "dm" },
  };
  // In servers the answer replies to the message it answers, so a busy channel stays readable.
  if (guildId) inbound.replyTo = message.id;
  return { answer: true, inbound };
}

function botRoleOf(message: Message, botId: string): string | undefined {
  return message.mentions.roles.find((role) => role.tags?.botId === botId)?.id;
}
