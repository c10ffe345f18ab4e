import { SaxesParser } from "saxes";

/** Minimal DOM. Elements keep their source offset; line/column are computed only for diagnostics. */
export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Offset in the source text just after the start tag. */
  offset: number;
  /** For opaque elements: offset where the content ends (source text of the content is [offset, innerEnd)). */
  innerEnd?: number;
}
export type XNode = XElement | string;

export class XmlSyntaxError extends Error {
  readonly code = "AIML_XML_SYNTAX";
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/** Line and column (1-based) of offsets in one text; the line index is built on first use. */
export function makeLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    const end = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - (starts[lo] as number) + 1 };
  };
}

export interface ParseOptions {
  /** Elements whose content is not materialized (only its source range is kept), e.g. templates compiled later. */
  opaque?: (el: XElement, parent: XElement) => boolean;
  /** Called for every start tag inside an opaque element, with the names of the open ancestors inside it. */
  onOpaqueTag?: (name: string, offset: number, ancestors: readonly string[]) => void;
  /** Called when an element closes; returning true drops it from its parent (streaming: keeps the heap small). */
  onClose?: (el: XElement, parent: XElement, depth: number) => boolean;
}

/** Characters handed to saxes at a time by parseXmlSteps: about a millisecond of parsing. */
const CHUNK = 16 * 1024;

/**
 * Parses a whole document with saxes. DOCTYPE is refused outright so entity-expansion bombs never reach us
 * (saxes itself only knows the five predefined entities and character references).
 */
export function parseXml(text: string, options: ParseOptions = {}): XElement {
  return runSteps(parseXmlSteps(text, options));
}

/** Runs a generator of steps (see parseXmlSteps) to its end, in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * parseXml, pausing after each chunk of text (callbacks fire as elements close), so a caller can
 * spread a large document over several event-loop turns.
 */
export function* parseXmlSteps(text: string, options: ParseOptions = {}): Generator<void, XElement> {
  // Position tracking off: it roughly halves saxes' speed; offsets are enough to locate problems later.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XElement = { name: "#document", attrs: {}, children: [], offset: 0 };
  const stack: XElement[] = [root];
  let failure: XmlSyntaxError | null = null;
  const onClose = options.onClose;
  const { opaque, onOpaqueTag } = options;
  /** Open tags inside the current opaque element (empty when not inside one). */
  const inner: string[] = [];
  let inOpaque = false;
  const fail = (message: string): void => {
    if (!failure) failure = new XmlSyntaxError(message, parser.position);
  };
  const appendText = (t: string): void => {
    if (inOpaque) return;
    const top = stack[stack.length - 1] as XElement;
    const last = top.children.length - 1;
    if (last >= 0 && typeof top.children[last] === "string") top.children[last] += t;
    else top.children.push(t);
  };
  parser.on("error", (err) =>
    fail(err.message.replace(/^[^:]*:\d+:\d+: /, "").replace(/^undefined:\s*/, "")),
  );
  parser.on("doctype", () => fail("DOCTYPE is not allowed (entity expansion is refused)"));
  parser.on("opentag", (tag) => {
    if (inOpaque) {
      onOpaqueTag?.(tag.name, parser.position, inner);
      inner.push(tag.name);
      return;
    }
    const el: XElement = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      offset: parser.position,
    };
    const parent = stack[stack.length - 1] as XElement;
    parent.children.push(el);
    stack.push(el);
    if (opaque?.(el, parent)) {
      inOpaque = true;
      // Without a text handler saxes does not build the text at all (templates are kept as source slices).
      parser.off("text");
    }
  });
  parser.on("closetag", (tag) => {
    if (inOpaque) {
      if (inner.length > 0) {
        inner.pop();
        return;
      }
      inOpaque = false;
      parser.on("text", appendText);
      const el = stack[stack.length - 1] as XElement;
      el.innerEnd = tag.isSelfClosing ? el.offset : text.lastIndexOf("</", parser.position - 1);
    }
    const el = stack.pop() as XElement;
    if (onClose) {
      const parent = stack[stack.length - 1] as XElement;
      if (onClose(el, parent, stack.length) && parent.children[parent.children.length - 1] === el)
        parent.children.pop();
    }
  });
  parser.on("text", appendText);
  parser.on("cdata", appendText);
  try {
    for (let at = 0; at < text.length && !failure; at += CHUNK) {
      // saxes carries a character split between two chunks (a surrogate pair, CR LF) over to the next.
      parser.write(text.length <= CHUNK ? text : text.slice(at, at + CHUNK));
      if (at + CHUNK < text.length) yield;
    }
    parser.close();
  } catch (err) {
    fail((err as Error).message);
  }
  if (failure) throw failure;
  const docEl = root.children.find((c): c is XElement => typeof c !== "string");
  if (!docEl) throw new XmlSyntaxError("document has no root element", 0);
  return docEl;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => escapes[c] as string);
}
export function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
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
