import { isJavaBlank } from "../text/java-trim.js";
import type { Diagnostic } from "../types.js";
import {
  escapeText,
  innerXml,
  makeLocator,
  parseXmlSteps,
  type XElement,
  XmlSyntaxError,
} from "../xml/parse-xml.js";
import { cleanPattern } from "./pattern.js";
import { isUnknownTag } from "./template.js";

export interface RawCategory {
  pattern: string;
  that: string;
  topic: string;
  /** Template content as source text. */
  source: string;
  /** Source offset of the category, for diagnostics. */
  offset: number;
}

export interface Sink {
  error(d: Omit<Diagnostic, "severity">): void;
  warning(d: Omit<Diagnostic, "severity">): void;
}

/** Pattern-side text as Program AB serializes it (text escaped, markup such as `<set>` kept). */
function patternText(el: XElement): string {
  const c = el.children;
  if (c.length === 1 && typeof c[0] === "string") return escapeText(c[0]);
  return innerXml(el);
}

/**
 * Parses one AIML file and hands each category to `onCategory` as soon as it closes (its DOM is then
 * dropped). Problems go to the sink with file, line and column. A generator: it pauses between chunks
 * of the file (see parseXmlSteps).
 */
export function* loadAimlFile(
  file: string,
  content: string,
  sink: Sink,
  onCategory: (c: RawCategory) => void,
  locate = makeLocator(content),
): Generator<void, void> {
  const at = (offset: number) => ({ file, ...locate(offset) });
  const warnedTags = new Set<string>();
  const onOpaqueTag = (name: string, offset: number, ancestors: readonly string[]): void => {
    if (warnedTags.has(name) || !isUnknownTag(name, ancestors)) return;
    warnedTags.add(name);
    sink.warning({ ...at(offset), message: `unknown template tag <${name}> (output as markup)` });
  };
  const category = (el: XElement, topic: string): void => {
    let pattern: string | null = null;
    let that = "*";
    let catTopic = topic;
    let template: XElement | null = null;
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.name === "pattern") pattern = patternText(c);
      else if (c.name === "that") that = patternText(c);
      else if (c.name === "topic") catTopic = patternText(c);
      else if (c.name === "template") template = c;
      else sink.warning({ ...at(c.offset), message: `unexpected <${c.name}> in <category>` });
    }
    if (pattern === null) {
      sink.warning({ ...at(el.offset), message: "category without <pattern> discarded" });
      return;
    }
    // Program AB keeps `<template/>` (it answers "") but drops a missing or whitespace-only template.
    const source = template ? content.slice(template.offset, template.innerEnd ?? template.offset) : "";
    if (!template || (source.length > 0 && isJavaBlank(source))) {
      sink.warning({ ...at(el.offset), message: "category with a blank or missing <template> discarded" });
      return;
    }
    onCategory({
      pattern: cleanPattern(pattern).toUpperCase(),
      that: (cleanPattern(that) || "*").toUpperCase(),
      topic: (cleanPattern(catTopic) || "*").toUpperCase(),
      source,
      offset: el.offset,
    });
  };
  let root: XElement;
  try {
    root = yield* parseXmlSteps(content, {
      opaque: (el, parent) => el.name === "template" && parent.name === "category",
      onOpaqueTag,
      onClose(el, parent, depth) {
        if (el.name !== "category") return false;
        if (depth === 2 && parent.name === "aiml") category(el, "*");
        else if (depth === 3 && parent.name === "topic") category(el, parent.attrs.name ?? "*");
        else return false;
        return true;
      },
    });
  } catch (err) {
    const offset = err instanceof XmlSyntaxError ? err.offset : 0;
    sink.error({ ...at(offset), message: `XML syntax: ${(err as Error).message}` });
    return;
  }
  if (root.name !== "aiml") {
    sink.error({ ...at(root.offset), message: `root element is <${root.name}>, expected <aiml>` });
    return;
  }
  for (const c of root.children) {
    if (typeof c === "string" || c.name === "topic") continue;
    sink.warning({ ...at(c.offset), message: `unexpected <${c.name}> in <aiml>` });
  }
}
