// The Telegram rendering of a card: a photo captioned with its title and subtitle, its buttons below.
import type { Card } from "@parley/core";
import { escapeHtml } from "./escape.js";
import { inlineKeyboard } from "./keyboards.js";
import { CAPTION_LIMIT, type Outgoing, TEXT_LIMIT } from "./outgoing.js";
import type { PostbackCodec } from "./postback-codec.js";
import { blocksToMessages } from "./text-blocks.js";

export function renderCard(card: Card, codec: PostbackCodec, buttonsPrompt: string): Outgoing[] {
  const caption = cardCaption(card);
  const inline = card.buttons.length > 0 ? inlineKeyboard(card.buttons, codec) : undefined;
  if (card.image && caption.length <= CAPTION_LIMIT) {
    return [
      {
        kind: "photo",
        url: card.image,
        ...(caption ? { captionHtml: caption } : {}),
        ...(inline ? { inline } : {}),
      },
    ];
  }
  // No image, or a caption Telegram would refuse: the words go in a text message that carries the keyboard.
  const out: Outgoing[] = card.image ? [{ kind: "photo", url: card.image }] : [];
  const texts = caption ? blocksToMessages([{ plain: plainCaption(card), html: caption }], TEXT_LIMIT) : [];
  if (texts.length === 0 && inline) texts.push(escapeHtml(buttonsPrompt));
  texts.forEach((html, index) => {
    const last = index === texts.length - 1;
    out.push({ kind: "text", html, ...(last && inline ? { inline } : {}) });
  });
  return out;
}

function cardCaption(card: Card): string {
  return [
    card.title ? `<b>${escapeHtml(card.title)}</b>` : "",
    card.subtitle ? escapeHtml(card.subtitle) : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function plainCaption(card: Card): string {
  return [card.title, card.subtitle].filter(Boolean).join("\n");
}
