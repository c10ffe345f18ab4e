import { SaxesParser } from "saxes";

/** Minimal DOM: elements keep their source position for diagnostics. */
export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  line: number;
  column: number;
}
export type XNode = XElement | string;

export class XmlSyntaxError extends Error {
  readonly code = "AIML_XML_SYNTAX";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/**
 * Parses a whole document. DOCTYPE is refused outright so entity-expansion bombs never reach us
 * (saxes itself only knows the five predefined entities and character references).
 */
export function parseXml(text: string): XElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XElement = { name: "#document", attrs: {}, children: [], line: 1, column: 1 };
  const stack: XElement[] = [root];
  let failure: XmlSyntaxError | null = null;
  const fail = (message: string): void => {
    if (!failure) failure = new XmlSyntaxError(message, parser.line, parser.column + 1);
  };
  const appendText = (t: string): void => {
    const top = stack[stack.length - 1] as XElement;
    const last = top.children.length - 1;
    if (last >= 0 && typeof top.children[last] === "string") top.children[last] += t;
    else top.children.push(t);
  };
  parser.on("error", (err) => fail(err.message.replace(/^[^:]*:\d+:\d+: /, "")));
  parser.on("doctype", () => fail("DOCTYPE is not allowed (entity expansion is refused)"));
  parser.on("opentag", (tag) => {
    const el: XElement = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      line: parser.line,
      column: parser.column + 1,
    };
    (stack[stack.length - 1] as XElement).children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", appendText);
  parser.on("cdata", appendText);
  try {
    parser.write(text).close();
  } catch (err) {
    fail((err as Error).message);
  }
  if (failure) throw failure;
  const docEl = root.children.find((c): c is XElement => typeof c !== "string");
  if (!docEl) throw new XmlSyntaxError("document has no root element", 1, 1);
  return docEl;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => escapes[c] as string);
}
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => escapes[c] as string);
}

/** Serializes like a DOM transformer: attributes alphabetical, `<x/>` when empty, text escaped. */
export function serializeNode(node: XNode): string {
  if (typeof node === "string") return escapeText(node);
  let out = `<${node.name}`;
  for (const k of Object.keys(node.attrs).sort()) out += ` ${k}="${escapeXml(node.attrs[k] as string)}"`;
  if (node.children.length === 0) return `${out}/>`;
  out += ">";
  for (const c of node.children) out += serializeNode(c);
  return `${out}</${node.name}>`;
}

export function innerXml(node: XElement): string {
  let out = "";
  for (const c of node.children) out += serializeNode(c);
  return out;
}
