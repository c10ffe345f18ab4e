// Reads the structured AIML rich-media elements (button, reply, link, card) out of the markup tree.
// Each reader returns undefined when the element holds nothing usable, so the caller degrades it to text.
import type { Button, Card } from "../types/index.js";
import type { MarkupElement, MarkupNode } from "./markup-tree.js";
import { collapseSpace, normalizeText } from "./reply-builder.js";

/** The element's text content, `<br/>` kept as a line break, whitespace normalized. */
export function textOf(node: MarkupNode): string {
  return normalizeText(rawTextOf(node));
}

function rawTextOf(node: MarkupNode): string {
  if (node.kind === "text") return collapseSpace(node.text);
  if (node.name === "br") return "\n";
  return node.children.map(rawTextOf).join("");
}

/** Text content, on one line (for labels and URLs). */
function inlineTextOf(node: MarkupNode): string {
  return textOf(node).replace(/\s*\n\s*/g, " ");
}

function childElement(element: MarkupElement, name: string): MarkupElement | undefined {
  return element.children.find((c): c is MarkupElement => c.kind === "element" && c.name === name);
}

/** `<button>`/`<reply>`: `<text>`, `<postback>`, `<url>` children, or bare text meaning text = postback. */
export function readButton(element: MarkupElement): Button | undefined {
  const fields = new Set(["text", "postback", "url"]);
  const field = (name: string) => {
    const child = childElement(element, name);
    return child ? inlineTextOf(child) : "";
  };
  const bare = element.children
    .filter((c) => !(c.kind === "element" && fields.has(c.name)))
    .map(inlineTextOf)
    .join(" ")
    .trim();
  const url = field("url");
  const postback = field("postback");
  const text = field("text") || bare || url || postback;
  if (!text) return undefined;
  const button: Button = { text };
  if (postback) button.postback = postback;
  if (url) button.url = url;
  if (!postback && !url) button.postback = text;
  return button;
}

/** `<link><text>T</text><url>U</url></link>`, or a bare `<link>URL</link>`. */
export function readLink(element: MarkupElement): { text: string; url: string } | undefined {
  const urlElement = childElement(element, "url");
  const textElement = childElement(element, "text");
  if (!urlElement) {
    if (textElement) return undefined;
    const bare = inlineTextOf(element);
    return looksLikeUrl(bare) ? { text: bare, url: bare } : undefined;
  }
  const url = inlineTextOf(urlElement);
  if (!url) return undefined;
  return { text: (textElement && inlineTextOf(textElement)) || url, url };
}

/** `<card>` with `<image>`, `<title>`, `<subtitle>` and buttons (links become URL buttons). */
export function readCard(element: MarkupElement): Card | undefined {
  const card: Card = { buttons: [] };
  const loose: string[] = [];
  for (const child of element.children) {
    if (child.kind === "text") {
      if (child.text.trim()) loose.push(inlineTextOf(child));
      continue;
    }
    switch (child.name) {
      case "title":
      case "subtitle":
      case "image": {
        const value = inlineTextOf(child);
        if (value) card[child.name] = value;
        break;
      }
      case "button":
      case "reply": {
        const button = readButton(child);
        if (button) card.buttons.push(button);
        break;
      }
      case "link": {
        const link = readLink(child);
        if (link) card.buttons.push({ text: link.text, url: link.url });
        break;
      }
      default: {
        const value = inlineTextOf(child);
        if (value) loose.push(value);
      }
    }
  }
  // Text written straight into the card is its title, or its subtitle when a title exists.
  const extra = loose.join(" ").trim();
  if (extra) {
    if (!card.title) card.title = extra;
    else if (!card.subtitle) card.subtitle = extra;
  }
  const empty = !card.title && !card.subtitle && !card.image && card.buttons.length === 0;
  return empty ? undefined : card;
}

/** `<olist>`/`<list>`: each `<item>` is one entry; loose text counts as an entry too. */
export function readListItems(element: MarkupElement): string[] {
  return element.children.map(textOf).filter((item) => item.length > 0);
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:\/\/|mailto:|tel:|www\.)\S+$/i.test(value);
}
