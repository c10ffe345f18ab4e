import { jtrim } from "./java-trim.js";

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
   * Pair indices by a hash of the first one, two or three characters of their (lower-cased) find text,
   * so that only pairs whose start occurs in the text are tried: most of a bot's hundreds of pairs never
   * apply. Open hash tables (an array indexed by the masked hash) are several times cheaper per lookup
   * than a Map, and this lookup runs at every position of every text; a slot shared by several prefixes
   * only adds near misses, which the full comparison below drops.
   */
  private readonly tables: Array<Array<number[] | undefined> | undefined> = [undefined, undefined, undefined];
  private readonly masks = [0, 0, 0];
  /**
   * Which lower-cased ASCII units start a find text (the last slot stands for every non-ASCII unit): most
   * positions of a text (letters) start none, so the scan below skips them with one array read.
   */
  private readonly starts = new Uint8Array(129);

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.pairs = pairs
      .filter(([find]) => find.length > 0)
      .map(([find, rep]) => ({ find, findLower: find.toLowerCase(), parts: parseReplacement(rep) }));
    const counts = [0, 0, 0];
    for (const p of this.pairs) {
      const n = Math.min(3, p.findLower.length) - 1;
      counts[n] = (counts[n] as number) + 1;
    }
    counts.forEach((count, n) => {
      if (count === 0) return;
      let size = 64;
      while (size < count * 4) size *= 2;
      this.tables[n] = new Array(size);
      this.masks[n] = size - 1;
    });
    this.pairs.forEach((p, i) => {
      const c0 = p.findLower.charCodeAt(0);
      this.starts[Math.min(c0, 128)] = 1;
      const n = Math.min(3, p.findLower.length);
      const table = this.tables[n - 1] as Array<number[] | undefined>;
      const slot = prefixHash(p.findLower, 0, n) & (this.masks[n - 1] as number);
      const list = table[slot];
      if (list) list.push(i);
      else table[slot] = [i];
    });
  }

  /** Indices (ascending, > after) of pairs whose find text occurs in `lower`. */
  private candidates(lower: string, after: number): number[] {
    const out: number[] = [];
    const starts = this.starts;
    const [t1, t2, t3] = this.tables;
    const [m1, m2, m3] = this.masks as [number, number, number];
    const len = lower.length;
    for (let k = 0; k < len; k++) {
      const c = lower.charCodeAt(k);
      if (starts[Math.min(c, 128)] === 0) continue;
      // The same hashes as prefixHash, for one, two and three units at k.
      if (t1) this.collect(t1[c & m1], lower, k, after, out);
      if (k + 1 >= len) break;
      const h2 = (Math.imul(c, 31) + lower.charCodeAt(k + 1)) | 0;
      if (t2) this.collect(t2[h2 & m2], lower, k, after, out);
      if (t3 && k + 2 < len)
        this.collect(t3[((Math.imul(h2, 31) + lower.charCodeAt(k + 2)) | 0) & m3], lower, k, after, out);
    }
    if (out.length < 2) return out;
    out.sort((a, b) => a - b);
    let w = 1;
    for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r] as number;
    out.length = w;
    return out;
  }

  /** Adds the pairs of one table slot whose whole find text is at `k`. */
  private collect(list: number[] | undefined, lower: string, k: number, after: number, out: number[]): void {
    if (!list) return;
    // Checking the whole find text here spares apply an indexOf over the text for each near miss.
    for (const i of list)
      if (i > after && lower.startsWith((this.pairs[i] as Pair).findLower, k)) out.push(i);
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
      if (!p.parts) return jtrim(result);
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
    return jtrim(collapseSpaces(result));
  }
}

/** A 32-bit hash of the one to three UTF-16 units at `at`. */
function prefixHash(s: string, at: number, n: number): number {
  let h = s.charCodeAt(at);
  if (n > 1) h = (Math.imul(h, 31) + s.charCodeAt(at + 1)) | 0;
  if (n > 2) h = (Math.imul(h, 31) + s.charCodeAt(at + 2)) | 0;
  return h;
}

function collapseSpaces(s: string): string {
  return s.indexOf("  ") < 0 ? s : s.replace(/ {2,}/g, " ");
}
