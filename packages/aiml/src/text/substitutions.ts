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
  /**
   * Pair indices by the first one, two or three characters of their (lower-cased) find text, so that only
   * pairs whose start occurs in the text are tried: most of a bot's hundreds of pairs never apply.
   */
  private readonly byPrefix: [Map<number, number[]>, Map<number, number[]>, Map<number, number[]>] = [
    new Map(),
    new Map(),
    new Map(),
  ];

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.pairs = pairs
      .filter(([find]) => find.length > 0)
      .map(([find, rep]) => ({ find, findLower: find.toLowerCase(), parts: parseReplacement(rep) }));
    this.pairs.forEach((p, i) => {
      const n = Math.min(3, p.findLower.length);
      const index = this.byPrefix[n - 1] as Map<number, number[]>;
      const key = prefixKey(p.findLower, 0, n);
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    });
  }

  /** Indices (ascending, > after) of pairs whose find text may occur in `lower`. */
  private candidates(lower: string, after: number): number[] {
    const out: number[] = [];
    for (let n = 1; n <= 3; n++) {
      const index = this.byPrefix[n - 1] as Map<number, number[]>;
      if (index.size === 0) continue;
      for (let k = 0; k + n <= lower.length; k++) {
        const list = index.get(prefixKey(lower, k, n));
        if (list) for (const i of list) if (i > after) out.push(i);
      }
    }
    if (out.length < 2) return out;
    out.sort((a, b) => a - b);
    let w = 1;
    for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r] as number;
    out.length = w;
    return out;
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

/** Up to three UTF-16 units packed into one number (exact: 48 bits). */
function prefixKey(s: string, at: number, n: number): number {
  let key = s.charCodeAt(at);
  if (n > 1) key = key * 65536 + s.charCodeAt(at + 1);
  if (n > 2) key = key * 65536 + s.charCodeAt(at + 2);
  return key;
}

function collapseSpaces(s: string): string {
  return s.indexOf("  ") < 0 ? s : s.replace(/ {2,}/g, " ");
}
