// Teams renders a message's text as Markdown: the bot's plain text is escaped, links and lists are
// written in Markdown.

/** Escapes what Teams' Markdown would otherwise format (emphasis, code, links, headings, HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]#|]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

export function linkMarkdown(text: string, url: string): string {
  return `[${escapeMarkdown(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

export function listMarkdown(ordered: boolean, items: readonly string[]): string {
  return items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${escapeMarkdown(item)}`).join("\n");
}

/** Cuts text longer than `max` at whitespace where possible, so each piece fits one message. */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(" ", max);
    if (cut <= 0) cut = max;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
