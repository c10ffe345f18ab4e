// The Telegram calls a reply turns into, in order; the transport executes them one after another.

import type { Button } from "@parley/core";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "telegraf/types";

/** Quick replies ride on a reply keyboard; pressing one sends its label, mapped back to the postback. */
export interface QuickReplyKeyboard {
  markup: ReplyKeyboardMarkup;
  replies: Button[];
}

export type Outgoing =
  | { kind: "text"; html: string; inline?: InlineKeyboardMarkup; quickReplies?: QuickReplyKeyboard }
  | { kind: "photo"; url: string; captionHtml?: string; inline?: InlineKeyboardMarkup }
  | { kind: "video"; url: string }
  /** Show "typing…" and wait (the `<delay>` part). */
  | { kind: "pause"; seconds: number };

/** Telegram's limits on one message's text and on a media caption (characters after entity parsing). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
