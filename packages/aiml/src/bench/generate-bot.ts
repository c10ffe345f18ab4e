import type { BotSource } from "../types.js";

/** Deterministic PRNG so every bench run measures the same bot. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  "ka",
  "lo",
  "mi",
  "ra",
  "te",
  "su",
  "no",
  "vi",
  "pe",
  "do",
  "ha",
  "zu",
  "be",
  "fo",
  "gi",
  "ju",
];

function vocabulary(n: number, rnd: () => number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    let w = "";
    const len = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < len; i++) w += syllables[Math.floor(rnd() * syllables.length)];
    words.add(w.toUpperCase());
  }
  return [...words];
}

export interface GeneratedBot {
  source: BotSource;
  /** Inputs that exercise exact, wildcard and srai matches, plus some that match nothing. */
  inputs: string[];
  /** The categories as pattern/template pairs (for the baselines). */
  categories: Array<{ pattern: string; template: string }>;
}

/** A synthetic bot of `count` categories spread over files of 2,000 categories. */
export function generateBot(count: number, seed = 7): GeneratedBot {
  const rnd = prng(seed);
  const words = vocabulary(6000, rnd);
  const pick = () => words[Math.floor(rnd() * words.length)] as string;
  const categories: Array<{ pattern: string; template: string }> = [];
  const inputs: string[] = [];
  const seen = new Set<string>();
  while (categories.length < count) {
    const n = 2 + Math.floor(rnd() * 5);
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) tokens.push(pick());
    const kind = rnd();
    let template: string;
    if (kind < 0.2) {
      tokens.push("*");
      template = `You said <star/> about ${tokens[0]?.toLowerCase()}.`;
    } else if (kind < 0.25) {
      tokens.unshift("_");
      template = `<srai>${tokens.slice(1).join(" ")}</srai>`;
    } else if (kind < 0.3) {
      tokens.splice(1, 0, "^");
      template = `<think><set name="last"><star/></set></think>Noted <get name="last"/>.`;
    } else if (kind < 0.35) {
      template = `<random><li>One ${tokens[0]}.</li><li>Two ${tokens[1]}.</li></random>`;
    } else template = `Answer to ${tokens.join(" ").toLowerCase()}.`;
    const pattern = tokens.join(" ");
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    categories.push({ pattern, template });
    if (rnd() < 0.02) {
      const filled = tokens.map((t) =>
        t === "*" || t === "^" ? `${pick()} ${pick()}` : t === "_" ? pick() : t,
      );
      inputs.push(filled.join(" ").toLowerCase());
    }
  }
  for (let i = 0; i < inputs.length / 10; i++) inputs.push(`${pick()} ${pick()} ${pick()}`.toLowerCase());
  const aiml: BotSource["aiml"] = [];
  for (let f = 0; f * 2000 < categories.length; f++) {
    const body = categories
      .slice(f * 2000, (f + 1) * 2000)
      .map((c) => `<category><pattern>${c.pattern}</pattern><template>${c.template}</template></category>`)
      .join("\n");
    aiml.push({
      name: `gen${f}.aiml`,
      content: `<?xml version="1.0" encoding="UTF-8"?>\n<aiml version="2.0">\n${body}\n</aiml>\n`,
    });
  }
  return { source: { aiml }, inputs, categories };
}
