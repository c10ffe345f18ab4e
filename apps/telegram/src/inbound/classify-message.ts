// Decides what a Telegram message means for the bot: an input, a non-text message, or nothing.
import type { Message } from "telegraf/types";
import { type BotIdentity, findMentions, readCommand } from "./addressing.js";

export type MessageDecision =
  | { kind: "ignore"; reason: string }
  /** A sticker, photo, voice note… the bot only reads text; the person gets the configured answer. */
  | { kind: "nonText" }
  | { kind: "input"; text: string; resetSession?: boolean };

export interface ClassifyContext {
  bot: BotIdentity;
  /** What /start (and /reset) hand the bot so it greets. */
  startInput: string;
  /** Maps a tapped quick-reply label back to its postback, if one is pending for this person. */
  takeQuickReply: (text: string) => string | undefined;
}

// Content a person sends; service messages (joins, pins, title changes) are not in this list.
const NON_TEXT_CONTENT = [
  "sticker",
  "photo",
  "voice",
  "video",
  "video_note",
  "audio",
  "document",
  "animation",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
  "game",
  "story",
] as const;

export function classifyMessage(message: Message, ctx: ClassifyContext): MessageDecision {
  if (!message.from || message.from.is_bot) return { kind: "ignore", reason: "not from a person" };
  const isPrivate = message.chat.type === "private";
  const repliesToBot = "reply_to_message" in message && message.reply_to_message?.from?.id === ctx.bot.id;

  if (!("text" in message)) {
    if (!NON_TEXT_CONTENT.some((field) => field in message))
      return { kind: "ignore", reason: "service message" };
    const caption = "caption" in message ? (message.caption ?? "") : "";
    const captionEntities = "caption_entities" in message ? (message.caption_entities ?? []) : [];
    const addressed = isPrivate || repliesToBot || findMentions(caption, captionEntities, ctx.bot).mentioned;
    return addressed
      ? { kind: "nonText" }
      : { kind: "ignore", reason: "group media not addressed to the bot" };
  }

  const entities = message.entities ?? [];
  const command = readCommand(message.text, entities, ctx.bot);
  if (command === null) return { kind: "ignore", reason: "command for another bot" };
  if (command) {
    // Telegram itself delivers bare commands to every bot in a group, so they count as addressed.
    if (command.name === "start") return { kind: "input", text: ctx.startInput };
    if (command.name === "reset") return { kind: "input", text: ctx.startInput, resetSession: true };
    const text = command.explicit ? message.text.replace(/^(\/\S+?)@\S+/, "$1") : message.text;
    return { kind: "input", text: text.trim() };
  }

  const quickReply = ctx.takeQuickReply(message.text);
  if (quickReply !== undefined) return { kind: "input", text: quickReply };

  const mentions = findMentions(message.text, entities, ctx.bot);
  if (!isPrivate && !mentions.mentioned && !repliesToBot) {
    return { kind: "ignore", reason: "group message not addressed to the bot" };
  }
  // "@bot" alone is a hello.
  return { kind: "input", text: mentions.stripped || ctx.startInput };
}
