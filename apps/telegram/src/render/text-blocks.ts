// Packs a message's textual parts into as few Telegram messages as fit, each well-formed HTML.
import { escapeHtml } from "./escape.js";
import { splitPlainText } from "./split-text.js";

/** `html` is a formatted fragment kept whole when it fits; `plain` is its text, escaped and split otherwise. */
export interface TextBlock {
  plain: string;
  html?: string;
}

export function plainBlock(text: string): TextBlock {
  return { plain: text };
}

/** Joins blocks with line breaks, starting a new message whenever the next piece would pass `limit`. */
export function blocksToMessages(blocks: readonly TextBlock[], limit: number): string[] {
  const pieces = blocks.flatMap((block) =>
    block.html !== undefined && block.html.length <= limit
      ? [block.html]
      : splitPlainText(block.plain, limit).map(escapeHtml),
  );
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (!current) current = piece;
    else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
}
