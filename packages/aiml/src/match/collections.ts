import { pluralize, singularize } from "../text/inflector.js";
import { JAVA_TRIM } from "../text/java-trim.js";

/** A `<set>`: upper-cased member phrases; `number` is the built-in digits-only set. */
export interface AimlSet {
  readonly name: string;
  readonly maxLength: number;
  has(phrase: string): boolean;
  /**
   * False when no member starts with this word, so the matcher skips building longer phrases. Absent:
   * any word may start a member.
   */
  mayStartWith?(word: string): boolean;
  /** Member phrases, for `<vocabulary/>`. */
  readonly members: Iterable<string>;
}

export function makeSet(name: string, elements: string[][]): AimlSet {
  const members = new Set<string>();
  let maxLength = 0;
  for (const tokens of elements) {
    const phrase = tokens.join(" ").replace(JAVA_TRIM, "").toUpperCase();
    if (phrase.length === 0) continue;
    members.add(phrase);
    maxLength = Math.max(maxLength, tokens.length);
  }
  // Input words never contain a space, so a matching phrase starts with a member's text up to its first space.
  const firstWords = new Set<string>();
  for (const phrase of members) firstWords.add(phrase.split(" ", 1)[0] as string);
  return {
    name,
    maxLength,
    has: (p) => members.has(p),
    mayStartWith: (word) => firstWords.has(word),
    members,
  };
}

const digits = /^[0-9]+$/;
export const numberSet: AimlSet = { name: "number", maxLength: 1, has: (p) => digits.test(p), members: [] };

/** A `<map>`: lookup by upper-cased key; undefined when absent. */
export interface AimlMap {
  get(key: string): string | undefined;
}

export function makeMap(pairs: Array<[string, string]>): AimlMap {
  const m = new Map<string, string>();
  for (const [k, v] of pairs)
    m.set(String(k).replace(JAVA_TRIM, "").toUpperCase(), String(v).replace(JAVA_TRIM, ""));
  return { get: (k) => m.get(k) };
}

const javaInt = /^[+-]?[0-9]+$/;
function intMap(delta: number): AimlMap {
  return {
    get(key) {
      if (!javaInt.test(key)) return undefined;
      const n = Number.parseInt(key, 10);
      if (n > 2147483647 || n < -2147483648) return undefined;
      return String((n + delta) | 0);
    },
  };
}

export const builtinMaps: Record<string, AimlMap> = {
  successor: intMap(1),
  predecessor: intMap(-1),
  plural: { get: (k) => pluralize(k).toLowerCase() },
  singular: { get: (k) => singularize(k).toLowerCase() },
};
