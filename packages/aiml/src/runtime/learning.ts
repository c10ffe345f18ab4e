import type { Category } from "../compile/bot-data.js";
import { pathTokens } from "../compile/pattern.js";
import { compileTemplate, type TEl, type TNode } from "../compile/template.js";
import { Graphmaster } from "../match/graphmaster.js";
import { JAVA_TRIM } from "../text/java-trim.js";
import type { ClientState, LearnedCategory, RespondOptions } from "../types.js";
import { escapeText, escapeXml, parseXml, type XElement, type XNode } from "../xml/parse-xml.js";
import type { AimlBot } from "./aiml-bot.js";
import type { Conversation, Frame } from "./conversation.js";

const compiledEval = new WeakMap<XElement, TNode[]>();

/** `<learn>`/`<learnf>`: the category is re-serialized with only `<eval>` evaluated, then kept in the client state. */
export function learnCategory(
  conv: Conversation,
  el: TEl,
  f: Frame,
  state: ClientState,
  opts: RespondOptions,
): void {
  const src = el.src;
  if (!src) return;
  const serialize = (node: XNode, escaped: boolean): string => {
    if (typeof node === "string") return escaped ? escapeText(node) : node;
    if (node.name === "eval") {
      let body = compiledEval.get(node);
      if (!body) {
        body = compileTemplate(node.children);
        compiledEval.set(node, body);
      }
      const v = conv.evalList(body, f);
      return escaped ? escapeText(v) : v;
    }
    let attrs = "";
    for (const k of Object.keys(node.attrs).sort()) attrs += ` ${k}="${escapeXml(node.attrs[k] as string)}"`;
    const inner = node.children.map((c) => serialize(c, escaped)).join("");
    return inner === "" ? `<${node.name}${attrs}/>` : `<${node.name}${attrs}>${inner}</${node.name}>`;
  };
  const inner = (node: XElement, escaped: boolean): string =>
    node.children.map((c) => serialize(c, escaped)).join("");
  const clean = (s: string): string =>
    s.toUpperCase().replace(/\n/g, " ").replace(/ +/g, " ").replace(JAVA_TRIM, "");
  for (const c of src.children) {
    if (typeof c === "string" || c.name !== "category") continue;
    let pattern = "";
    let that = "*";
    let template = "";
    let templateEscaped = "";
    for (const g of c.children) {
      if (typeof g === "string") continue;
      if (g.name === "pattern") pattern = inner(g, false);
      else if (g.name === "that") that = inner(g, false);
      else if (g.name === "template") {
        // Program AB pastes `<eval>` results in raw (so they may add markup); escape only if that breaks the XML.
        template = inner(g, false);
        templateEscaped = inner(g, true);
      }
    }
    const learned: LearnedCategory = {
      pattern: clean(pattern),
      that: clean(that) || "*",
      topic: "*",
      template: parses(template) ? template : templateEscaped,
      persistent: el.tag === "learnf",
    };
    state.learned.push(learned);
    if (learned.persistent) opts.onLearnf?.(learned);
  }
}

function parses(template: string): boolean {
  try {
    parseXml(`<template>${template}</template>`);
    return true;
  } catch {
    return false;
  }
}

const graphs = new WeakMap<LearnedCategory[], { count: number; graph: Graphmaster<Category> }>();

/** The client's learned categories as a graph, cached while the state object lives and extended in place. */
export function learnedGraph(bot: AimlBot, learned: LearnedCategory[]): Graphmaster<Category> {
  let cached = graphs.get(learned);
  if (!cached || cached.count > learned.length) {
    const { sets } = bot.data;
    cached = { count: 0, graph: new Graphmaster<Category>((name) => sets.get(name.toLowerCase()) ?? null) };
    graphs.set(learned, cached);
  }
  const property = (name: string) => bot.data.properties.get(name);
  for (; cached.count < learned.length; cached.count++) {
    const l = learned[cached.count] as LearnedCategory;
    const cat: Category = {
      pattern: l.pattern,
      that: l.that,
      topic: l.topic,
      file: l.persistent ? "learnf.aiml" : "learn.aiml",
      source: l.template,
      template: null,
    };
    cached.graph.add(pathTokens(l.pattern, l.that, l.topic, property), cat);
  }
  return cached.graph;
}
