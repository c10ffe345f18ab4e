import { parseXml, type XElement, type XNode } from "../xml/parse-xml.js";

/** A template precompiled to a tree: text stays a string, elements keep attributes and attribute-subtags apart. */
export type TNode = string | TEl;
export interface TEl {
  tag: string;
  attrs: Record<string, string>;
  /** Attributes given as subtags (`<get><name>x</name></get>`), evaluated on use. */
  sub: Record<string, TNode[]> | null;
  body: TNode[];
  /** `<li>` children of random/condition. */
  items: TEl[] | null;
  /** Source element, kept for `<learn>` (re-serialized with `<eval>` evaluated). */
  src: XElement | null;
}

/** Child elements that act as attributes, per tag (Program AB's getAttributeOrTagValue names). */
const attributeTags: Record<string, readonly string[]> = {
  get: ["name", "var"],
  set: ["name", "var"],
  bot: ["name"],
  map: ["name"],
  condition: ["name", "var", "value"],
  li: ["name", "var", "value"],
  star: ["index"],
  thatstar: ["index"],
  topicstar: ["index"],
  input: ["index"],
  request: ["index"],
  response: ["index"],
  that: ["index"],
  date: ["format", "jformat", "locale", "timezone"],
  interval: ["style", "jformat", "from", "to"],
  sraix: ["bot", "botid", "host", "service", "apikey", "default", "hint", "limit"],
};

export const knownTemplateTags = new Set([
  ...Object.keys(attributeTags),
  "srai",
  "sr",
  "template",
  "think",
  "random",
  "person",
  "person2",
  "gender",
  "uppercase",
  "lowercase",
  "formal",
  "sentence",
  "explode",
  "normalize",
  "denormalize",
  "learn",
  "learnf",
  "resetlearn",
  "resetlearnf",
  "eval",
  "first",
  "rest",
  "size",
  "id",
  "vocabulary",
  "program",
  "system",
  "loop",
  "javascript",
  "oob",
  "addinfo",
  "contactid",
  "multipleids",
  "displayname",
  "dialnumber",
  "emailaddress",
  "contactbirthday",
]);

/** Rich media and HTML pass through as markup without a warning. */
export const passThroughTags = new Set([
  "button",
  "reply",
  "card",
  "carousel",
  "image",
  "video",
  "link",
  "delay",
  "split",
  "olist",
  "list",
  "item",
  "text",
  "url",
  "postback",
  "title",
  "subtitle",
  "br",
  "p",
  "a",
  "b",
  "i",
  "u",
  "em",
  "strong",
  "img",
  "ul",
  "ol",
  "div",
  "span",
  "font",
  "center",
  "table",
  "tr",
  "td",
  "th",
  "pre",
  "code",
  "h1",
  "h2",
  "h3",
  "hr",
  "sup",
  "sub",
  "blockquote",
  "search",
  "map",
  "dial",
  "email",
  "sms",
  "camera",
  "alarm",
  "wifi",
  "url",
]);

export interface TemplateCompileHooks {
  unknownTag?(el: XElement): void;
}

/** Inside these, any markup is expected (OOB payloads, contact fields): no unknown-tag warnings. */
const freeContent = new Set(["oob", "addinfo", "dialnumber", "emailaddress"]);
const quiet: TemplateCompileHooks = {};

export function compileTemplate(nodes: readonly XNode[], hooks: TemplateCompileHooks = {}): TNode[] {
  const out: TNode[] = [];
  for (const n of nodes) {
    if (typeof n === "string") {
      const last = out.length - 1;
      if (last >= 0 && typeof out[last] === "string") out[last] += n;
      else out.push(n);
    } else out.push(compileElement(n, hooks));
  }
  return out;
}

function compileElement(el: XElement, hooks: TemplateCompileHooks): TNode {
  const tag = el.name;
  if (tag === "sr") return compileSr(el);
  if (tag === "learn" || tag === "learnf") {
    // Evaluated from its source at learn time (only `<eval>` runs then).
    return { tag, attrs: el.attrs, sub: null, body: [], items: null, src: el };
  }
  if (!knownTemplateTags.has(tag) && !passThroughTags.has(tag)) hooks.unknownTag?.(el);
  if (freeContent.has(tag)) hooks = quiet;
  const names = attributeTags[tag];
  let sub: Record<string, TNode[]> | null = null;
  const bodySrc: XNode[] = [];
  const items: TEl[] = [];
  for (const c of el.children) {
    if (typeof c !== "string" && names?.includes(c.name)) {
      sub ??= {};
      if (!(c.name in sub)) sub[c.name] = compileTemplate(c.children, hooks);
      continue;
    }
    bodySrc.push(c);
  }
  const body = compileTemplate(bodySrc, hooks);
  if (tag === "random" || tag === "condition") {
    for (const b of body) if (typeof b !== "string" && b.tag === "li") items.push(b);
  }
  return {
    tag,
    attrs: el.attrs,
    sub,
    body,
    items: items.length > 0 ? items : null,
    src: null,
  };
}

/** `<sr/>` is `<srai><star/></srai>`. */
function compileSr(el: XElement): TEl {
  const star: TEl = { tag: "star", attrs: {}, sub: null, body: [], items: null, src: null };
  return { tag: "srai", attrs: {}, sub: null, body: [star], items: null, src: el };
}

/** Compiles template content given as source text (the file slice, or a learned template). */
export function compileTemplateSource(source: string): TNode[] {
  if (!source.includes("<") && !source.includes("&")) return [source];
  try {
    return compileTemplate(parseXml(`<template>${source}</template>`).children);
  } catch {
    return [source]; // unreachable for file slices (they parsed once already); learned text may be broken
  }
}

/** Whether a tag inside a template deserves an unknown-tag warning, given its open ancestors in the template. */
export function isUnknownTag(name: string, ancestors: readonly string[]): boolean {
  if (knownTemplateTags.has(name) || passThroughTags.has(name)) return false;
  const parent = ancestors[ancestors.length - 1];
  if (parent !== undefined && attributeTags[parent]?.includes(name)) return false;
  for (const a of ancestors) if (freeContent.has(a) || a === "learn" || a === "learnf") return false;
  return true;
}
