import { JAVA_TRIM } from "./java-trim.js";

/**
 * Program AB's substitution: each pair is a case-insensitive literal replace-all over " " + text + " ",
 * cascading in order; then runs of spaces collapse and the result is trimmed. The replacement follows
 * Java regex-replacement rules: `\c` is a literal c, `$0` the match, any other `$` (or a trailing `\`)
 * aborts the remaining pairs and skips the collapse, as Java's exception does there.
 */
interface Pair {
  find: string;
  findLower: string;
  /** Replacement split around `$0` (null when the replacement is invalid). */
  parts: string[] | null;
}

function parseReplacement(rep: string): string[] | null {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === "\\") {
      if (i + 1 >= rep.length) return null;
      cur += rep[++i];
    } else if (c === "$") {
      if (rep[i + 1] !== "0") return null;
      parts.push(cur);
      cur = "";
      i++;
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

export class Substituter {
  private readonly pairs: Pair[];
  /** Pair indices by the first two characters of their (lower-cased) find text: most pairs never apply. */
  private readonly byBigram = new Map<string, number[]>();
  private readonly byChar = new Map<string, number[]>();

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.pairs = pairs
      .filter(([find]) => find.length > 0)
      .map(([find, rep]) => ({ find, findLower: find.toLowerCase(), parts: parseReplacement(rep) }));
    this.pairs.forEach((p, i) => {
      const index = p.findLower.length === 1 ? this.byChar : this.byBigram;
      const key = p.findLower.slice(0, 2);
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    });
  }

  /** Indices (ascending, > after) of pairs whose find text may occur in `lower`. */
  private candidates(lower: string, after: number): number[] {
    const out: number[] = [];
    const add = (list: number[] | undefined): void => {
      if (list) for (const i of list) if (i > after) out.push(i);
    };
    if (this.byChar.size > 0) for (let k = 0; k < lower.length; k++) add(this.byChar.get(lower[k] as string));
    for (let k = 0; k + 1 < lower.length; k++) add(this.byBigram.get(lower.slice(k, k + 2)));
    if (out.length < 2) return out;
    out.sort((a, b) => a - b);
    let w = 1;
    for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r] as number;
    out.length = w;
    return out;
  }

  get size(): number {
    return this.pairs.length;
  }

  apply(text: string): string {
    let result = ` ${text} `;
    let lower = result.toLowerCase();
    let cands = this.candidates(lower, -1);
    for (let c = 0; c < cands.length; c++) {
      const idx = cands[c] as number;
      const p = this.pairs[idx] as Pair;
      let at = lower.indexOf(p.findLower);
      if (at < 0) continue;
      if (!p.parts) return result.replace(JAVA_TRIM, "");
      // Lower-casing may change lengths for a few non-ASCII characters; fall back to a regex then.
      if (lower.length !== result.length) {
        const re = new RegExp(p.find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
        const parts = p.parts;
        result = result.replace(re, (m) => parts.join(m));
      } else {
        let out = "";
        let from = 0;
        while (at >= 0) {
          out += result.slice(from, at);
          out += p.parts.length === 1 ? p.parts[0] : p.parts.join(result.slice(at, at + p.find.length));
          from = at + p.find.length;
          at = lower.indexOf(p.findLower, from);
        }
        result = out + result.slice(from);
      }
      lower = result.toLowerCase();
      cands = this.candidates(lower, idx);
      c = -1;
    }
    return collapseSpaces(result).replace(JAVA_TRIM, "");
  }
}

export function collapseSpaces(s: string): string {
  return s.indexOf("  ") < 0 ? s : s.replace(/ {2,}/g, " ");
}
