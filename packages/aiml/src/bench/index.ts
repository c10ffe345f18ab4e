/**
 * `pnpm --filter @parley/aiml bench`: compile rate, responses/s and heap after load on the shared ALICE2 and Free-AIML
 * bots and on a generated 100,000-category bot, each with a baseline measured in the same run.
 * Writes packages/aiml/bench-results.json.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileBot } from "../compile/compile-bot.js";
import { conformanceDir, loadBotDir, readAiml, readJson, repoRoot } from "../testing/bot-files.js";
import type { Bot, BotSource } from "../types.js";
import { generateBot, prng } from "./generate-bot.js";
import { NaiveMatcher } from "./naive-matcher.js";

interface Result {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}
const results: Result[] = [];
function record(name: string, value: number, unit: string, baseline: number | null = null): void {
  const ratio = baseline ? value / baseline : null;
  results.push({
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio),
  });
  const base = baseline === null ? "" : `  (baseline ${round(baseline)}, x${round(ratio ?? 0)})`;
  console.log(`${name.padEnd(46)} ${String(round(value)).padStart(12)} ${unit}${base}`);
}
const round = (v: number): number => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100);

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
};
const heapMb = (): number => process.memoryUsage().heapUsed / 1048576;

function compileOrThrow(source: BotSource): Bot {
  const { bot, errors } = compileBot(source);
  if (!bot) throw new Error(`compile failed: ${errors[0]?.message}`);
  return bot;
}

/** Best of `runs` compiles, in categories per second. */
function compileRate(source: BotSource, runs: number): { rate: number; bot: Bot } {
  let best = 0;
  let bot: Bot | null = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bot = compileOrThrow(source);
    const s = (performance.now() - t) / 1000;
    best = Math.max(best, bot.size / s);
  }
  return { rate: best, bot: bot as Bot };
}

/** CPU seconds (all threads of this process) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

/**
 * Responses per second after a warm-up, cycling through the inputs for about `seconds`: per wall-clock
 * second and per CPU second (the latter is what one core delivers when other jobs share the machine).
 */
function responseRates(bot: Bot, inputs: string[], seconds: number): { wall: number; cpu: number } {
  const random = prng(1);
  let state = bot.newClientState();
  for (let i = 0; i < 2000; i++) bot.respond(state, inputs[i % inputs.length] as string, { random });
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const end = t + seconds * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 200; k++) {
      bot.respond(state, inputs[n % inputs.length] as string, { random });
      n++;
    }
    if (n % 20000 === 0) state = bot.newClientState();
  }
  return { wall: n / ((performance.now() - t) / 1000), cpu: n / cpuSince(cpu0) };
}

function responseRate(bot: Bot, inputs: string[], seconds: number): number {
  return responseRates(bot, inputs, seconds).wall;
}

function naiveRate(m: NaiveMatcher, inputs: string[], seconds: number): number {
  let n = 0;
  const t = performance.now();
  const end = t + seconds * 1000;
  while (performance.now() < end) {
    m.match(inputs[n % inputs.length] as string);
    n++;
  }
  return n / ((performance.now() - t) / 1000);
}

function sharedBots(): void {
  const dir = conformanceDir();
  const alice = loadBotDir(join(dir, "bots/alice2"));
  const { rate: aliceCompile, bot: aliceBot } = compileRate(alice, 3);
  const aliceBytes = alice.aiml.reduce((n, f) => n + f.content.length, 0);
  const jsonText = JSON.stringify(alice.aiml.map((f) => f.content));
  let t = performance.now();
  for (let i = 0; i < 5; i++) JSON.parse(jsonText);
  const jsonMbps = (5 * aliceBytes) / 1048576 / ((performance.now() - t) / 1000);
  t = performance.now();
  compileOrThrow(alice);
  const ourMbps = aliceBytes / 1048576 / ((performance.now() - t) / 1000);
  record(`alice2 compile (${aliceBot.size} categories)`, aliceCompile, "categories/s");
  record("alice2 compile throughput vs JSON.parse of the same text", ourMbps, "MB/s", jsonMbps);
  const transcripts = readJson<{ conversations: Array<{ steps: Array<{ input: string }> }> }>(
    join(dir, "bots/alice2/transcripts.json"),
  );
  const aliceInputs = transcripts.conversations.flatMap((c) => c.steps.map((s) => s.input));
  record("alice2 responses (transcript inputs)", responseRate(aliceBot, aliceInputs, 3), "responses/s");
  record(
    "alice2 heap after load (bot incl. its source text)",
    retainedHeap(() => loadBotDir(join(dir, "bots/alice2"))).heap,
    "MB",
  );

  const freeDir = join(dir, "bots/freeaiml");
  const loadFree = (): BotSource => ({
    aiml: readdirSync(freeDir)
      .filter((f) => f.endsWith(".aiml"))
      .sort()
      .map((f) => ({ name: f, content: readAiml(join(freeDir, f)) })),
  });
  const free = loadFree();
  const { rate: freeCompile, bot: freeBot } = compileRate(free, 3);
  record(`freeaiml compile (${freeBot.size} categories)`, freeCompile, "categories/s");
  const convs = readJson<Array<{ steps: Array<{ input: string }> }>>(join(freeDir, "conversations.json"));
  const freeInputs = convs.flatMap((c) => c.steps.map((s) => s.input));
  record("freeaiml responses (conversation inputs)", responseRate(freeBot, freeInputs, 3), "responses/s");
  record("freeaiml heap after load (bot incl. its source text)", retainedHeap(loadFree).heap, "MB");
}

/**
 * Heap retained by a compiled bot alone: its graph plus the AIML text its templates still point into.
 * The source is loaded inside, so nothing but the bot keeps it alive when the heap is read.
 */
function retainedHeap(load: () => BotSource): { heap: number; bot: Bot } {
  gc();
  const base = heapMb();
  let source: BotSource | null = load();
  const bot = compileOrThrow(source);
  source = null;
  gc();
  return { heap: heapMb() - base, bot };
}

function generated(): void {
  const gen = generateBot(100_000);
  compileOrThrow(generateBot(10_000, 3).source); // warm-up
  // Best of three: the machine is shared, so the fastest run is the least disturbed one.
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    compileOrThrow(gen.source);
    wall = Math.min(wall, (performance.now() - t) / 1000);
    cpu = Math.min(cpu, cpuSince(cpu0));
    gc();
  }
  const json = JSON.stringify(gen.categories);
  const tj = performance.now();
  JSON.parse(json);
  const jsonRate = gen.categories.length / ((performance.now() - tj) / 1000);
  const { heap, bot } = retainedHeap(() => generateBot(100_000).source);
  record(`generated compile (${bot.size} categories), wall clock`, bot.size / wall, "categories/s", jsonRate);
  record("generated compile, per CPU second (all threads)", bot.size / cpu, "categories/s");
  record("generated heap after load (bot incl. its source text)", heap, "MB");
  const naive = new NaiveMatcher(gen.categories);
  const rates = responseRates(bot, gen.inputs, 4);
  record(
    "generated responses/s (baseline: linear-scan matcher)",
    rates.wall,
    "responses/s",
    naiveRate(naive, gen.inputs, 2),
  );
  record("generated responses per CPU second", rates.cpu, "responses/s");
  console.log(`  (${gen.inputs.length} distinct inputs; heap target < 150 MB)`);
}

console.log(
  "targets on the 100k bot: >= 100,000 categories/s compile, >= 10,000 responses/s, < 150 MB heap\n",
);
sharedBots();
generated();
const out = join(repoRoot(), "packages/aiml/bench-results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out}`);
