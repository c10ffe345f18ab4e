// Bot text: markdown-escaped, and cut into pieces Discord accepts (2,000 characters each).
import { escapeMarkdown } from "discord.js";
import { Limits } from "./limits.js";

const WEB_URL = /https?:\/\/[^\s<>]+/g;

/**
 * Escapes markdown the bot did not mean (a "*" in an answer must not turn text bold). Bare URLs are
 * left alone: Discord links them as written, and a backslash inside one would break it.
 */
export function escapeText(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(WEB_URL)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return text ? escapeMarkdown(text, { heading: true, maskedLink: true }) : text;
}

// Preferred cut points, best first: paragraph, line, sentence end, word.
const boundaries: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…](?=\s)/g, /\s/g];

/**
 * Splits text into pieces of at most `limit` characters, cutting at the last paragraph break that
 * fits, else a line break, a sentence end, a space, and only as a last resort mid-word.
 */
export function splitText(text: string, limit: number = Limits.content): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const boundary of boundaries) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      // A sentence end keeps its punctuation; whitespace boundaries are dropped by the trims.
      const end = boundary.source.startsWith("[.") ? match.index + match[0].length : match.index;
      if (end > 0 && end <= limit) best = end;
    }
    // Cutting very early would make a tiny message; accept a boundary in the second half only.
    if (best >= limit / 2) return best;
  }
  return limit;
}
