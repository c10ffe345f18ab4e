// The Slack rendering of links, lists and videos: mrkdwn text.
import { SECTION_TEXT_MAX } from "./limits.js";
import { escapeMrkdwn, mrkdwnLink } from "./mrkdwn.js";
import { splitText } from "./split-text.js";
import { mrkdwnUnit } from "./text.js";
import type { RenderedUnit } from "./unit.js";

export function renderLink(text: string, url: string): RenderedUnit[] {
  return [mrkdwnUnit(mrkdwnLink(url, text || url))];
}

/** A video plays from its link: Slack's video block only takes URLs from the app's unfurl domains. */
export function renderVideo(url: string): RenderedUnit[] {
  return [mrkdwnUnit(mrkdwnLink(url, "▶ Video"))];
}

export function renderList(ordered: boolean, items: string[]): RenderedUnit[] {
  const lines = items.map((item, i) => `${ordered ? `${i + 1}.` : "•"} ${escapeMrkdwn(item)}`);
  if (lines.length === 0) return [];
  // Already escaped, so the plain length is the size that counts.
  return splitText(lines.join("\n"), SECTION_TEXT_MAX).map(mrkdwnUnit);
}
