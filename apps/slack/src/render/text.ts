// The Slack rendering of plain bot text: escaped mrkdwn sections of at most 3,000 characters each.
import { SECTION_TEXT_MAX } from "./limits.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { splitText } from "./split-text.js";
import { mrkdwnSection, type RenderedUnit } from "./unit.js";

const escapedLength = (s: string) => escapeMrkdwn(s).length;

/** One unit per section, so a long text can spread over several messages. */
export function renderText(text: string): RenderedUnit[] {
  if (!text.trim()) return [];
  return splitText(text, SECTION_TEXT_MAX, escapedLength).map((piece) => mrkdwnUnit(escapeMrkdwn(piece)));
}

/** A unit from mrkdwn that is already escaped. */
export function mrkdwnUnit(mrkdwn: string): RenderedUnit {
  return { blocks: [mrkdwnSection(mrkdwn)], fallback: mrkdwn, size: mrkdwn.length };
}
