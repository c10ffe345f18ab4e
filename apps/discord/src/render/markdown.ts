// The parts Discord shows as markdown inside a message's text: link, list, video.
import { isWebUrl } from "./limits.js";
import { escapeText } from "./text.js";

export function renderLink(text: string, url: string): string {
  const label = escapeText(text).replace(/[[\]]/g, "\\$&");
  if (!isWebUrl(url)) return `${label} (${url})`;
  return label ? `[${label}](${url})` : url;
}

export function renderList(ordered: boolean, items: string[]): string {
  return items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${escapeText(item)}`).join("\n");
}

/** Discord unfurls a bare video URL into a player. */
export function renderVideo(url: string): string {
  return url;
}
