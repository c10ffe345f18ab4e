// A deliberately tiny stand-in for @parley/aiml, for tests of the HTTP layer, storage and auth.
// Understands <category><pattern>WORDS [*]</pattern><template>…</template></category> with
// <star/>, <get name/> (evaluated first), <set name>…</set>, <think>, and reports an unbalanced file as an error.
import type {
  AimlEngine,
  BotSource,
  Diagnostic,
  EngineBot,
  EngineRespondOptions,
} from "../engine/contract.js";

interface FakeState {
  predicates: Record<string, string>;
  that: string;
}

interface Category {
  words: string[];
  wildcard: boolean;
  template: string;
  file: string;
}

function render(template: string, star: string, state: FakeState): string {
  let out = template.replace(/<star\s*\/>/g, star);
  out = out.replace(/<get name="([a-z]+)"\s*\/>/g, (_m, name: string) => state.predicates[name] ?? "unknown");
  out = out.replace(/<set name="([a-z]+)">([\s\S]*?)<\/set>/g, (_m, name: string, value: string) => {
    state.predicates[name] = value.trim();
    return value.trim();
  });
  out = out.replace(/<think>[\s\S]*?<\/think>/g, "");
  return out.replace(
    /<get name="([a-z]+)"\s*\/>/g,
    (_m, name: string) => state.predicates[name] ?? "unknown",
  );
}

class FakeBot implements EngineBot {
  constructor(
    private readonly categories: Category[],
    private readonly defaults: Array<[string, string]>,
  ) {}

  get size(): number {
    return this.categories.length;
  }

  newClientState(): FakeState {
    return { predicates: Object.fromEntries(this.defaults), that: "" };
  }

  respond(raw: unknown, input: string, options: EngineRespondOptions = {}) {
    const state = raw as FakeState;
    const sentences = input
      .split(/[.!?]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const responses: string[] = [];
    const extra = [];
    for (const sentence of sentences) {
      const words = sentence.toUpperCase().split(/\s+/);
      const match = this.categories.find((c) =>
        c.wildcard
          ? words.length > c.words.length && c.words.every((w, i) => words[i] === w)
          : words.length === c.words.length && c.words.every((w, i) => words[i] === w),
      );
      const star = match ? sentence.split(/\s+/).slice(match.words.length).join(" ") : "";
      const text = match ? render(match.template, star, state) : "I have no answer for that.";
      responses.push(text);
      extra.push({
        input: sentence,
        pattern: match ? `${match.words.join(" ")}${match.wildcard ? " *" : ""}` : "",
        that: options.that ?? state.that,
        topic: options.topic ?? "*",
        filename: match?.file ?? "",
        template: match?.template ?? "",
      });
      state.that = text;
    }
    return {
      responses,
      state,
      ...(options.extra ? { extra } : {}),
      ...(options.trace
        ? { trace: extra.map((e) => ({ status: "matched", level: 0, ...e, matched: e.pattern })) }
        : {}),
    };
  }
}

export function compileFakeBot(source: BotSource) {
  const errors: Diagnostic[] = [];
  const categories: Category[] = [];
  for (const file of source.aiml) {
    const opens = (file.content.match(/<category>/g) ?? []).length;
    const closes = (file.content.match(/<\/category>/g) ?? []).length;
    if (opens !== closes) {
      const line = file.content.slice(0, file.content.lastIndexOf("<category>")).split("\n").length;
      errors.push({ file: file.name, line, column: 1, message: "unclosed <category>", severity: "error" });
      continue;
    }
    for (const m of file.content.matchAll(
      /<pattern>([\s\S]*?)<\/pattern>\s*<template>([\s\S]*?)<\/template>/g,
    )) {
      const words = (m[1] ?? "").trim().toUpperCase().split(/\s+/);
      const wildcard = words.at(-1) === "*";
      if (wildcard) words.pop();
      categories.push({ words, wildcard, template: (m[2] ?? "").trim(), file: file.name });
    }
  }
  // Exact patterns before wildcards, longer before shorter.
  categories.sort((a, b) => Number(a.wildcard) - Number(b.wildcard) || b.words.length - a.words.length);
  const bot = errors.length > 0 ? null : new FakeBot(categories, source.pdefaults ?? []);
  return { bot, errors, warnings: [] };
}

export const fakeAimlEngine: AimlEngine = { compileBot: compileFakeBot };
