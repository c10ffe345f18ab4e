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

const MEMO_MAX_LENGTH = 256;
const MEMO_MAX_ENTRIES = 4096;

export class Substituter {
  private readonly pairs: Pair[];
  /**
   * Pair indices by a hash of the first one to four characters of their (lower-cased) find text,
   * so that only pairs whose start occurs in the text are tried: most of a bot's hundreds of pairs never
   * apply. Open hash tables (an array indexed by the masked hash) are several times cheaper per lookup
   * than a Map, and this lookup runs at every position of every text; a slot shared by several prefixes
   * only adds near misses, which the full comparison below drops.
   */
  private readonly tables: Array<Array<number[] | undefined> | undefined> = [
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  private readonly masks = [0, 0, 0, 0];
  /**
   * Which lower-cased ASCII units start a find text (the last slot stands for every non-ASCII unit): most
   * positions of a text (letters) start none, so the scan below skips them with one array read.
   */
  private readonly starts = new Uint8Array(129);

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.pairs = pairs
      .filter(([find]) => find.length > 0)
      .map(([find, rep]) => ({ find, findLower: find.toLowerCase(), parts: parseReplacement(rep) }));
    const counts = [0, 0, 0, 0];
    for (const p of this.pairs) {
      const n = Math.min(4, p.findLower.length) - 1;
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
      const n = Math.min(4, p.findLower.length);
      const table = this.tables[n - 1] as Array<number[] | undefined>;
      const slot = prefixHash(p.findLower, 0, n) & (this.masks[n - 1] as number);
      const list = table[slot];
      if (list) list.push(i);
      else table[slot] = [i];
    });
  }

  /**
   * Indices (ascending, > after) of pairs whose find text occurs in the lower-cased `text`. With `lowered`
   * false, `text` is lower-cased here as it is read, which only holds for ASCII: null when it is not.
   */
  private candidates(text: string, after: number, lowered: boolean): number[] | null {
    const out: number[] = [];
    const starts = this.starts;
    const [t1, t2, t3, t4] = this.tables;
    const [m1, m2, m3, m4] = this.masks as [number, number, number, number];
    const len = text.length;
    for (let k = 0; k < len; k++) {
      let c = text.charCodeAt(k);
      if (!lowered) {
        if (c > 127) return null;
        c = lowerAscii(c);
      }
      if (starts[Math.min(c, 128)] === 0) continue;
      // The same hashes as prefixHash, for one to four units at k.
      if (t1) this.collect(t1[c & m1], text, k, after, lowered, out);
      if (k + 1 >= len) break;
      const c1 = text.charCodeAt(k + 1);
      const h2 = (Math.imul(c, 31) + (lowered ? c1 : lowerAscii(c1))) | 0;
      if (t2) this.collect(t2[h2 & m2], text, k, after, lowered, out);
      if (k + 2 >= len) continue;
      const c2 = text.charCodeAt(k + 2);
      const h3 = (Math.imul(h2, 31) + (lowered ? c2 : lowerAscii(c2))) | 0;
      if (t3) this.collect(t3[h3 & m3], text, k, after, lowered, out);
      if (t4 && k + 3 < len) {
        const c3 = text.charCodeAt(k + 3);
        const h4 = (Math.imul(h3, 31) + (lowered ? c3 : lowerAscii(c3))) | 0;
        this.collect(t4[h4 & m4], text, k, after, lowered, out);
      }
    }
    if (out.length < 2) return out;
    // Insertion sort without duplicates: the lists are short.
    let w = 0;
    for (let r = 0; r < out.length; r++) {
      const v = out[r] as number;
      let j = w - 1;
      while (j >= 0 && (out[j] as number) > v) j--;
      if (j >= 0 && out[j] === v) continue;
      for (let m = w; m > j + 1; m--) out[m] = out[m - 1] as number;
      out[j + 1] = v;
      w++;
    }
    out.length = w;
    return out;
  }

  /** Adds the pairs of one table slot whose whole find text is at `k` (a unit-by-unit compare, inlined). */
  private collect(
    list: number[] | undefined,
    text: string,
    k: number,
    after: number,
    lowered: boolean,
    out: number[],
  ): void {
    if (!list) return;
    // Checking the whole find text here spares apply an indexOf over the text for each near miss.
    for (let x = 0; x < list.length; x++) {
      const i = list[x] as number;
      if (i <= after) continue;
      const find = (this.pairs[i] as Pair).findLower;
      const n = find.length;
      if (k + n > text.length) continue;
      let j = 0;
      if (lowered) while (j < n && text.charCodeAt(k + j) === find.charCodeAt(j)) j++;
      else while (j < n && lowerAscii(text.charCodeAt(k + j)) === find.charCodeAt(j)) j++;
      if (j === n) out.push(i);
    }
  }

  /**
   * Results for recent short texts: a bot's srai chains substitute the same texts over and over (a Substituter
   * is immutable, so a result never goes stale). Bounded: emptied when full.
   */
  private readonly memo = new Map<string, string>();

  apply(text: string): string {
    // Without pairs a text costs less to substitute than to remember (memo entries outlive young GCs).
    if (text.length > MEMO_MAX_LENGTH || this.pairs.length === 0) return this.substitute(text);
    let r = this.memo.get(text);
    if (r === undefined) {
      r = this.substitute(text);
      if (this.memo.size >= MEMO_MAX_ENTRIES) this.memo.clear();
      this.memo.set(text, r);
    }
    return r;
  }

  private substitute(text: string): string {
    let result = ` ${text} `;
    // Most texts are ASCII and contain no find text: then they are never lower-cased as a whole.
    let cands = this.candidates(result, -1, false);
    if (cands !== null && cands.length === 0) return jtrim(collapseSpaces(result));
    let lower = result.toLowerCase();
    cands ??= this.candidates(lower, -1, true) as number[];
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
      cands = this.candidates(lower, idx, true) as number[];
      c = -1;
    }
    return jtrim(collapseSpaces(result));
  }
}

/** An ASCII upper-case letter's lower-case code; any other code unchanged. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A 32-bit hash of the one to four UTF-16 units at `at`. */
function prefixHash(s: string, at: number, n: number): number {
  let h = s.charCodeAt(at);
  if (n > 1) h = (Math.imul(h, 31) + s.charCodeAt(at + 1)) | 0;
  if (n > 2) h = (Math.imul(h, 31) + s.charCodeAt(at + 2)) | 0;
  if (n > 3) h = (Math.imul(h, 31) + s.charCodeAt(at + 3)) | 0;
  return h;
}

function collapseSpaces(s: string): string {
  return s.indexOf("  ") < 0 ? s : s.replace(/ {2,}/g, " ");
}
