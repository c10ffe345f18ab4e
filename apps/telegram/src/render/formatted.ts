// The Telegram rendering of links and lists: formatted text (HTML parse mode).
import type { ReplyPart } from "@parley/core";
import { escapeAttribute, escapeHtml } from "./escape.js";
import type { TextBlock } from "./text-blocks.js";

export function linkBlock(part: Extract<ReplyPart, { type: "link" }>): TextBlock {
  return {
    plain: part.text === part.url ? part.url : `${part.text}: ${part.url}`,
    html: `<a href="${escapeAttribute(part.url)}">${escapeHtml(part.text || part.url)}</a>`,
  };
}

/** One block per item, so a long list splits between items rather than inside one. */
export function listBlocks(part: Extract<ReplyPart, { type: "list" }>): TextBlock[] {
  return part.items.map((item, index) => {
    const marker = part.ordered ? `${index + 1}.` : "•";
    return { plain: `${marker} ${item}`, html: `${marker} ${escapeHtml(item)}` };
  });
}
