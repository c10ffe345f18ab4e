// Splits text longer than Telegram's limit at the most natural boundary that fits.
import { escapeHtml } from "./escape.js";

const SENTENCE_END = /[.!?…](?=\s)/g;

/**
 * Cuts raw (unescaped) text into pieces whose escaped form fits `limit`, preferring paragraph breaks,
 * then sentence ends, then line breaks, then spaces; a word longer than the limit is cut hard.
 */
export function splitPlainText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (escapeHtml(rest).length > limit) {
    const fit = longestFittingPrefix(rest, limit);
    const window = rest.slice(0, fit);
    const cut = boundaryIn(window) ?? fit;
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) pieces.push(rest);
  return pieces;
}

/** Length (in UTF-16 units) of the longest prefix whose escaped form fits, never halving a surrogate pair. */
function longestFittingPrefix(text: string, limit: number): number {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const cost = escapeHtml(char).length;
    if (used + cost > limit) break;
    used += cost;
    index += char.length;
  }
  return Math.max(index, 1);
}

function boundaryIn(window: string): number | undefined {
  const minimum = Math.floor(window.length / 4); // a cut too early would leave a tiny message
  const paragraph = window.lastIndexOf("\n\n");
  if (paragraph > minimum) return paragraph;
  let sentence = -1;
  for (const match of window.matchAll(SENTENCE_END)) sentence = match.index + match[0].length;
  if (sentence > minimum) return sentence;
  const line = window.lastIndexOf("\n");
  if (line > minimum) return line;
  const space = window.lastIndexOf(" ");
  if (space > minimum) return space;
  return undefined;
}
