import { JAVA_TRIM } from "../text/java-trim.js";
import type { Diagnostic } from "../types.js";
import { innerXml, parseXml, type XElement, XmlSyntaxError } from "../xml/parse-xml.js";
import { cleanPattern } from "./pattern.js";
import { compileTemplate, type TNode } from "./template.js";

export interface RawCategory {
  pattern: string;
  that: string;
  topic: string;
  template: TNode[];
  file: string;
  line: number;
  column: number;
}

interface Sink {
  error(d: Omit<Diagnostic, "severity">): void;
  warning(d: Omit<Diagnostic, "severity">): void;
}

/** Parses one AIML file into categories; problems go to the sink with file, line and column. */
export function loadAimlFile(file: string, content: string, sink: Sink, out: RawCategory[]): void {
  let root: XElement;
  try {
    root = parseXml(content);
  } catch (err) {
    if (err instanceof XmlSyntaxError) {
      sink.error({ file, line: err.line, column: err.column, message: `XML syntax: ${err.message}` });
    } else sink.error({ file, line: 1, column: 1, message: `XML syntax: ${(err as Error).message}` });
    return;
  }
  if (root.name !== "aiml") {
    sink.error({
      file,
      line: root.line,
      column: root.column,
      message: `root element is <${root.name}>, expected <aiml>`,
    });
    return;
  }
  const warnedTags = new Set<string>();
  const hooks = {
    unknownTag(el: XElement) {
      if (warnedTags.has(el.name)) return;
      warnedTags.add(el.name);
      sink.warning({
        file,
        line: el.line,
        column: el.column,
        message: `unknown template tag <${el.name}> (output as markup)`,
      });
    },
  };
  const category = (el: XElement, topic: string): void => {
    let pattern: string | null = null;
    let that = "*";
    let catTopic = topic;
    let template: XElement | null = null;
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.name === "pattern") pattern = innerXml(c);
      else if (c.name === "that") that = innerXml(c);
      else if (c.name === "topic") catTopic = innerXml(c);
      else if (c.name === "template") template = c;
      else
        sink.warning({
          file,
          line: c.line,
          column: c.column,
          message: `unexpected <${c.name}> in <category>`,
        });
    }
    const pos = { file, line: el.line, column: el.column };
    if (pattern === null) {
      sink.warning({ ...pos, message: "category without <pattern> discarded" });
      return;
    }
    // Program AB keeps `<template/>` (it answers "") but drops a missing or whitespace-only template.
    if (!template || (template.children.length > 0 && innerXml(template).replace(JAVA_TRIM, "") === "")) {
      sink.warning({ ...pos, message: "category with a blank or missing <template> discarded" });
      return;
    }
    that = cleanPattern(that) || "*";
    catTopic = cleanPattern(catTopic) || "*";
    out.push({
      pattern: cleanPattern(pattern).toUpperCase(),
      that: that.toUpperCase(),
      topic: catTopic.toUpperCase(),
      template: compileTemplate(template.children, hooks),
      ...pos,
    });
  };
  for (const c of root.children) {
    if (typeof c === "string") continue;
    if (c.name === "category") category(c, "*");
    else if (c.name === "topic") {
      const name = c.attrs.name ?? "*";
      for (const cc of c.children) if (typeof cc !== "string" && cc.name === "category") category(cc, name);
    } else
      sink.warning({ file, line: c.line, column: c.column, message: `unexpected <${c.name}> in <aiml>` });
  }
}
