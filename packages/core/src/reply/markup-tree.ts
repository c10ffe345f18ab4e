// Turns one bot response into a small element tree. htmlparser2 does the tokenizing; it never throws
// on malformed input (unclosed tags are closed at the end, stray end tags are ignored).
import { Parser } from "htmlparser2";

export type MarkupNode = MarkupText | MarkupElement;

export interface MarkupText {
  kind: "text";
  text: string;
}

export interface MarkupElement {
  kind: "element";
  name: string;
  /** Attribute values, entities decoded. */
  attributes: Record<string, string>;
  children: MarkupNode[];
}

/** Tags that never hold content, even when written without the closing slash (`<br>`, `<split>`, `<img>`). */
const VOID_TAGS = new Set(["br", "split", "img"]);

export function parseMarkup(source: string): MarkupNode[] {
  const root: MarkupElement = { kind: "element", name: "#root", attributes: {}, children: [] };
  const stack: MarkupElement[] = [root];
  let inCdata = false;
  const top = (): MarkupElement => stack[stack.length - 1] ?? root;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attributes: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs))
          attributes[key.toLowerCase()] = decodeHtmlEntities(value);
        const element: MarkupElement = { kind: "element", name, attributes, children: [] };
        top().children.push(element);
        if (!VOID_TAGS.has(name)) stack.push(element);
      },
      onclosetag(name) {
        if (VOID_TAGS.has(name)) return;
        // Pop up to the nearest open element of that name; ignore end tags that close nothing.
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i]?.name === name) {
            stack.length = i;
            return;
          }
        }
      },
      ontext(data) {
        const text = inCdata ? data : decodeHtmlEntities(data);
        const siblings = top().children;
        const last = siblings[siblings.length - 1];
        if (last?.kind === "text") last.text += text;
        else siblings.push({ kind: "text", text });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    // XML mode: no HTML void/implied-close rules (`<link>`, `<image>`, `<button>` mean AIML things here).
    // Entities are decoded below with the HTML table, so `&nbsp;` works as well as `&amp;`.
    { xmlMode: true, decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(source);
  return root.children;
}

/** Decodes HTML named and numeric entities in plain text (no tags), once. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  const parser = new Parser(
    {
      ontext(data) {
        out += data;
      },
    },
    { decodeEntities: true },
  );
  // A "<" in plain text would start a tag in HTML mode; keep it literal.
  parser.end(text.replaceAll("<", "&lt;"));
  return out;
}
