// A Reply -> the ordered Telegram calls that show it: text parts gather into one message until a
// keyboard, a photo or a pause ends it; each `<split/>` message starts fresh.
import type { Reply, ReplyPart } from "@parley/core";
import { renderCard } from "./card.js";
import { escapeHtml } from "./escape.js";
import { linkBlock, listBlocks } from "./formatted.js";
import { inlineKeyboard, quickReplyKeyboard } from "./keyboards.js";
import { type Outgoing, TEXT_LIMIT } from "./outgoing.js";
import type { PostbackCodec } from "./postback-codec.js";
import { blocksToMessages, plainBlock, type TextBlock } from "./text-blocks.js";

export interface RenderSettings {
  codec: PostbackCodec;
  /** Text of a keyboard message when the bot gave no words to go with it. */
  buttonsPrompt: string;
  maxDelaySeconds: number;
}

export function renderReply(reply: Reply, settings: RenderSettings): Outgoing[] {
  return reply.messages.flatMap((parts) => renderMessage(parts, settings));
}

function renderMessage(parts: readonly ReplyPart[], settings: RenderSettings): Outgoing[] {
  const out: Outgoing[] = [];
  let blocks: TextBlock[] = [];

  /** Sends the gathered text; `attach` puts a keyboard on its last piece. */
  const flush = (attach?: Pick<Extract<Outgoing, { kind: "text" }>, "inline" | "quickReplies">) => {
    const texts = blocksToMessages(blocks, TEXT_LIMIT);
    blocks = [];
    if (texts.length === 0 && attach) texts.push(escapeHtml(settings.buttonsPrompt));
    texts.forEach((html, index) => {
      out.push({ kind: "text", html, ...(index === texts.length - 1 ? attach : {}) });
    });
  };

  for (const part of parts) {
    switch (part.type) {
      case "text":
        blocks.push(plainBlock(part.text));
        break;
      case "link":
        blocks.push(linkBlock(part));
        break;
      case "list":
        blocks.push(...listBlocks(part));
        break;
      case "buttons":
        if (part.text) blocks.push(plainBlock(part.text));
        flush({ inline: inlineKeyboard(part.buttons, settings.codec) });
        break;
      case "quickReplies":
        if (part.text) blocks.push(plainBlock(part.text));
        flush({ quickReplies: quickReplyKeyboard(part.replies) });
        break;
      case "image":
        flush();
        out.push({ kind: "photo", url: part.url });
        break;
      case "video":
        flush();
        out.push({ kind: "video", url: part.url });
        break;
      case "card":
        flush();
        out.push(...renderCard(part.card, settings.codec, settings.buttonsPrompt));
        break;
      case "carousel":
        flush();
        for (const card of part.cards) out.push(...renderCard(card, settings.codec, settings.buttonsPrompt));
        break;
      case "delay":
        flush();
        out.push({ kind: "pause", seconds: Math.max(0, Math.min(part.seconds, settings.maxDelaySeconds)) });
        break;
    }
  }
  flush();
  return out;
}
