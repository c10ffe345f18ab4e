import {
  type AimlMap,
  type AimlSet,
  builtinMaps,
  makeMap,
  makeSet,
  numberSet,
} from "../match/collections.js";
import { Graphmaster } from "../match/graphmaster.js";
import { AimlBot } from "../runtime/aiml-bot.js";
import { SentenceSplitter } from "../text/sentences.js";
import { Substituter } from "../text/substitutions.js";
import type { BotSource, CompileOptions, CompileResult, Diagnostic } from "../types.js";
import { makeLocator, runSteps } from "../xml/parse-xml.js";
import { type BotData, type Category, PROGRAM_NAME } from "./bot-data.js";
import { loadAimlFile, type RawCategory } from "./load-aiml.js";
import { pathTokens } from "./pattern.js";

/** Compiles a bot from Pandorabots-format sources. Never throws on bad input: problems become diagnostics. */
export function compileBot(source: BotSource, options: CompileOptions = {}): CompileResult {
  return runSteps(compileSteps(source, options));
}

/**
 * compileBot in slices of about `sliceMs` of work, yielding to the event loop between them, so a host
 * that compiles a large bot on a thread that also serves requests keeps serving them meanwhile.
 */
export async function compileBotInSlices(
  source: BotSource,
  options: CompileOptions = {},
  sliceMs = 4,
): Promise<CompileResult> {
  const steps = compileSteps(source, options);
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The compile, pausing between chunks of AIML text. */
function* compileSteps(source: BotSource, options: CompileOptions): Generator<void, CompileResult> {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const files: unknown = source?.aiml;
  if (
    !Array.isArray(files) ||
    !files.every((f) => f && typeof f === "object" && typeof f.name === "string")
  ) {
    const message = "source.aiml must be an array of { name, content } files";
    errors.push({ file: "", line: 0, column: 0, message, severity: "error" });
    return { bot: null, errors, warnings };
  }
  try {
    const bot = yield* build(source, options, errors, warnings);
    return { bot: errors.length > 0 ? null : bot, errors, warnings };
  } catch (err) {
    errors.push({
      file: "",
      line: 0,
      column: 0,
      message: `internal error: ${(err as Error).message}`,
      severity: "error",
    });
    return { bot: null, errors, warnings };
  }
}

function pairs(v: unknown, what: string, errors: Diagnostic[]): Array<[string, string]> {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((p) => Array.isArray(p) && p.length >= 2)) {
    errors.push({
      file: what,
      line: 0,
      column: 0,
      message: `${what}: expected an array of [name, value] pairs`,
      severity: "error",
    });
    return [];
  }
  return v.map((p) => [String(p[0]), String(p[1])]);
}

function* build(
  source: BotSource,
  options: CompileOptions,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): Generator<void, AimlBot> {
  const properties = new Map(pairs(source.properties, "properties", errors));
  const property = (name: string): string | undefined =>
    properties.get(name) ?? properties.get(name.toLowerCase());

  const sets = new Map<string, AimlSet>();
  for (const [name, elements] of Object.entries(source.sets ?? {})) {
    if (!Array.isArray(elements) || !elements.every((e) => Array.isArray(e))) {
      errors.push({
        file: `${name}.set`,
        line: 0,
        column: 0,
        message: "expected an array of token arrays",
        severity: "error",
      });
      continue;
    }
    sets.set(
      name.toLowerCase(),
      makeSet(
        name,
        elements.map((e) => e.map(String)),
      ),
    );
  }
  sets.set("number", numberSet);

  const maps = new Map<string, AimlMap>();
  for (const [name, entries] of Object.entries(source.maps ?? {})) {
    maps.set(name, makeMap(pairs(entries, `${name}.map`, errors)));
  }
  for (const [name, m] of Object.entries(builtinMaps)) maps.set(name, m);

  const sub = (name: string) =>
    new Substituter(pairs(source.substitutions?.[name], `${name}.substitution`, errors));
  const subs = {
    normal: sub("normal"),
    denormal: sub("denormal"),
    person: sub("person"),
    person2: sub("person2"),
    gender: sub("gender"),
  };

  const sink = {
    error: (d: Omit<Diagnostic, "severity">) => errors.push({ ...d, severity: "error" }),
    warning: (d: Omit<Diagnostic, "severity">) => warnings.push({ ...d, severity: "warning" }),
  };
  const graph = new Graphmaster<Category>((name) => {
    const set = sets.get(name.toLowerCase()) ?? null;
    if (!set)
      sink.warning({
        file: "",
        line: 0,
        column: 0,
        message: `unknown set "${name.toLowerCase()}" in a pattern`,
      });
    return set;
  });
  const names = new Set<string>();
  for (const file of source.aiml ?? []) {
    if (names.has(file.name))
      sink.warning({ file: file.name, line: 0, column: 0, message: "file given twice" });
    names.add(file.name);
    const content = String(file.content ?? "");
    const locate = makeLocator(content);
    yield* loadAimlFile(
      file.name,
      content,
      sink,
      (r: RawCategory) => {
        const cat: Category = {
          pattern: r.pattern,
          that: r.that,
          topic: r.topic,
          file: file.name,
          source: r.source,
          template: null,
        };
        const replaced = graph.add(pathTokens(r.pattern, r.that, r.topic, property), cat);
        if (replaced) {
          sink.warning({
            file: file.name,
            ...locate(r.offset),
            message: `duplicate category "${r.pattern} <THAT> ${r.that} <TOPIC> ${r.topic}" (also in ${replaced.file}); the later one wins`,
          });
        }
      },
      locate,
    );
  }

  // Built in and loaded last, so it overrides a bot's own PROGRAM VERSION (as in Program AB).
  graph.add(pathTokens("PROGRAM VERSION", "*", "*", property), {
    pattern: "PROGRAM VERSION",
    that: "*",
    topic: "*",
    file: "",
    source: PROGRAM_NAME,
    template: [PROGRAM_NAME],
  });

  const data: BotData = {
    graph,
    properties,
    sets,
    maps,
    subs,
    splitter: new SentenceSplitter(property("sentence-splitters") ?? ".!?"),
    pdefaults: pairs(source.pdefaults, "pdefaults", errors),
    pronouns: new Set(options.pronouns ?? []),
    nullstar: property("nullstar") ?? "unknown",
    limits: {
      maxSraiDepth: options.maxSraiDepth ?? 765,
      maxSraiTotal: options.maxSraiTotal ?? 2048,
      maxLoops: options.maxLoops ?? 100,
      defaultResponse: options.defaultResponse ?? "I have no answer for that.",
      rememberedMatches: options.rememberedMatches ?? 4096,
    },
  };
  return new AimlBot(data);
}
