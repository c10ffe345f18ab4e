// The Telegram rendering of buttons (inline keyboard, URL buttons) and quick replies (reply keyboard).
import type { Button } from "@parley/core";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import type { QuickReplyKeyboard } from "./outgoing.js";
import type { PostbackCodec } from "./postback-codec.js";

/** One button per row: labels stay readable on a phone. */
export function inlineKeyboard(buttons: readonly Button[], codec: PostbackCodec): InlineKeyboardMarkup {
  return { inline_keyboard: buttons.map((button) => [inlineButton(button, codec)]) };
}

function inlineButton(button: Button, codec: PostbackCodec): InlineKeyboardButton {
  if (button.url && !button.postback) return { text: button.text, url: button.url };
  // Telegram refuses an empty callback_data: a button without a postback sends its label.
  return { text: button.text, callback_data: codec.encode(button.postback || button.text) };
}

/** A one-time keyboard, three short replies per row; `selective` limits it to the person answered in groups. */
export function quickReplyKeyboard(replies: readonly Button[]): QuickReplyKeyboard {
  const rows: { text: string }[][] = [];
  replies.forEach((reply, index) => {
    if (index % 3 === 0) rows.push([]);
    rows[rows.length - 1]?.push({ text: reply.text });
  });
  return {
    markup: { keyboard: rows, one_time_keyboard: true, resize_keyboard: true, selective: true },
    replies: [...replies],
  };
}
