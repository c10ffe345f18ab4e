// The bot's raw responses (AIML rich-media markup) -> a channel-neutral Reply.
import type { Reply } from "../types/index.js";
import { readButton, readCard, readLink, readListItems, textOf } from "./element-readers.js";
import { type MarkupElement, type MarkupNode, parseMarkup } from "./markup-tree.js";
import { ReplyBuilder } from "./reply-builder.js";

/**
 * Parses the responses of one talk call (one per input sentence) into messages. Responses flow into
 * the same message, separated by a space; `<split/>` starts a new one. Never throws: unknown tags
 * degrade to their text, and unusable rich elements to whatever text they hold.
 */
export function parseReply(responses: readonly string[]): Reply {
  const builder = new ReplyBuilder();
  responses.forEach((response, index) => {
    if (index > 0) builder.appendText(" ");
    let nodes: MarkupNode[];
    try {
      nodes = parseMarkup(String(response ?? ""));
    } catch {
      nodes = [{ kind: "text", text: String(response ?? "") }];
    }
    for (const node of nodes) walk(node, builder);
  });
  return builder.finish();
}

function walk(node: MarkupNode, out: ReplyBuilder): void {
  if (node.kind === "text") out.appendText(node.text);
  else if (!interpret(node, out)) for (const child of node.children) walk(child, out);
}

/** Emits the element's part and returns true, or returns false to have it degraded to its content. */
function interpret(element: MarkupElement, out: ReplyBuilder): boolean {
  switch (element.name) {
    case "br":
      out.lineBreak();
      return true;
    case "split":
      out.split();
      return true;
    case "button": {
      const button = readButton(element);
      if (button) out.pushButton(button);
      return true;
    }
    case "reply": {
      const reply = readButton(element);
      if (reply) out.pushQuickReply(reply);
      return true;
    }
    case "link": {
      const link = readLink(element);
      if (!link) return false;
      out.push({ type: "link", ...link });
      return true;
    }
    case "image":
    case "video": {
      const url = textOf(element).replace(/\s+/g, "");
      if (url) out.push({ type: element.name, url });
      return true;
    }
    case "card": {
      const card = readCard(element);
      if (!card) return false;
      out.push({ type: "card", card });
      return true;
    }
    case "carousel":
      return interpretCarousel(element, out);
    case "oob":
      // Out-of-band instructions are meant for the client, never shown to the person.
      return true;
    case "a": {
      // HTML links written by older bots: <a href="URL">text</a>.
      const url = element.attributes.href?.trim();
      if (!url) return false;
      out.push({ type: "link", text: textOf(element).replace(/\s*\n\s*/g, " ") || url, url });
      return true;
    }
    case "img": {
      const url = element.attributes.src?.trim();
      if (url) out.push({ type: "image", url });
      return true;
    }
    case "delay": {
      const text = textOf(element);
      const seconds = Number(text);
      if (text === "" || !Number.isFinite(seconds) || seconds < 0) return false;
      out.push({ type: "delay", seconds });
      return true;
    }
    case "olist":
    case "list": {
      const items = readListItems(element);
      if (items.length > 0) out.push({ type: "list", ordered: element.name === "olist", items });
      return true;
    }
    default:
      return false;
  }
}

function interpretCarousel(element: MarkupElement, out: ReplyBuilder): boolean {
  const cards = element.children
    .filter((c): c is MarkupElement => c.kind === "element" && c.name === "card")
    .map(readCard)
    .filter((card) => card !== undefined);
  if (cards.length === 0) return false;
  const [only] = cards;
  if (cards.length === 1 && only) out.push({ type: "card", card: only });
  else out.push({ type: "carousel", cards });
  return true;
}
