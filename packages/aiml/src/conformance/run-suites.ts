import { join } from "node:path";
import { compileBot } from "../compile/compile-bot.js";
import { loadBotDir, readAiml, readJson } from "../testing/bot-files.js";
import type { Bot, BotSource } from "../types.js";

interface Step {
  input: string;
  expect: string | null;
}
interface Case {
  id: string;
  files: string[];
  sets?: BotSource["sets"];
  maps?: BotSource["maps"];
  properties?: BotSource["properties"];
  pdefaults?: BotSource["pdefaults"];
  substitutions?: BotSource["substitutions"];
  pronouns?: string[];
  steps: Step[];
}

export interface Failure {
  id: string;
  step: number;
  input: string;
  expect: string;
  got: string;
}
export interface SuiteResult {
  suite: string;
  checked: number;
  passed: number;
  failures: Failure[];
}

export const collapse = (s: string): string => s.replace(/[ \t\r\n]+/g, " ").trim();

/** Deterministic randomness so unchecked `<random>` steps replay identically. */
function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function runConversation(bot: Bot, id: string, steps: Step[], result: SuiteResult): void {
  const state = bot.newClientState();
  const random = seeded();
  steps.forEach((step, i) => {
    const got = bot.respond(state, step.input, { random }).responses.join(" ");
    if (step.expect === null) return;
    result.checked++;
    if (collapse(got) === collapse(step.expect)) result.passed++;
    else result.failures.push({ id, step: i + 1, input: step.input, expect: step.expect, got });
  });
}

function compileOrFail(source: BotSource, pronouns: string[] | undefined, id: string): Bot {
  const { bot, errors } = compileBot(source, pronouns ? { pronouns } : {});
  if (!bot)
    throw new Error(
      `${id}: compile failed: ${errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join("; ")}`,
    );
  return bot;
}

export function runCaseSuite(suite: string, dir: string): SuiteResult {
  const cases = readJson<Case[]>(join(dir, "cases.json"));
  const result: SuiteResult = { suite, checked: 0, passed: 0, failures: [] };
  for (const c of cases) {
    const source: BotSource = {
      aiml: c.files.map((f) => ({ name: f, content: readAiml(join(dir, f)) })),
      ...(c.sets ? { sets: c.sets } : {}),
      ...(c.maps ? { maps: c.maps } : {}),
      ...(c.properties ? { properties: c.properties } : {}),
      ...(c.pdefaults ? { pdefaults: c.pdefaults } : {}),
      ...(c.substitutions ? { substitutions: c.substitutions } : {}),
    };
    runConversation(compileOrFail(source, c.pronouns, c.id), c.id, c.steps, result);
  }
  return result;
}

export function runFreeAiml(dir: string): SuiteResult {
  const convs = readJson<Array<{ id: string; files: string[]; steps: Step[] }>>(
    join(dir, "conversations.json"),
  );
  const result: SuiteResult = { suite: "freeaiml", checked: 0, passed: 0, failures: [] };
  for (const c of convs) {
    const source: BotSource = { aiml: c.files.map((f) => ({ name: f, content: readAiml(join(dir, f)) })) };
    runConversation(compileOrFail(source, undefined, c.id), c.id, c.steps, result);
  }
  return result;
}

export function runAlice2(dir: string): SuiteResult {
  const t = readJson<{ conversations: Array<{ id: string; steps: Step[] }> }>(join(dir, "transcripts.json"));
  const bot = compileOrFail(loadBotDir(dir), undefined, "alice2");
  const result: SuiteResult = { suite: "alice2", checked: 0, passed: 0, failures: [] };
  for (const c of t.conversations) runConversation(bot, c.id, c.steps, result);
  return result;
}
