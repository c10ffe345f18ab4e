import { jtrim } from "../text/java-trim.js";
import { type GNode, type Graphmaster, type Leaf, THAT_MARK, TOPIC_MARK, type Wild } from "./graphmaster.js";

const MAX_STARS = 32;

/** Star bindings of one match, as strings. */
export interface Stars {
  input: string[];
  that: string[];
  topic: string[];
}

export interface MatchResult<C> {
  category: C;
  stars: Stars;
  /**
   * The choices of the path, in order (when asked for): rank of the branch taken (`$` 0, `#` 1, `_` 2, word 3,
   * set 4, shortcut 5, `^` 6, `*` 7) * 1e6 plus the words consumed (sets: longer first). Comparing two
   * signatures lexicographically tells which path the graphmaster's depth-first search would reach first.
   */
  signature?: number[];
}

/** Negative when `a` has priority over `b` in Program AB's search order; 0 for the same path. */
export function compareSignatures(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

const R = 1_000_000;

interface Remembered<C extends Leaf> {
  leaf: GNode<C> | null;
  binds: Int32Array;
  sig: number[];
}

/**
 * Writes the pieces of s.split(" ") into `out` from index `at`; returns the index after the last one.
 * A loop of indexOf and slice costs less than split, a runtime call, on these short strings.
 */
function splitInto(s: string, out: string[], at: number): number {
  let from = 0;
  for (let k = s.indexOf(" "); k >= 0; k = s.indexOf(" ", from)) {
    out[at++] = s.slice(from, k);
    from = k + 1;
  }
  out[at++] = from === 0 ? s : s.slice(from);
  return at;
}

/** True when toUpperCase would return `s` unchanged because it is ASCII without a lower-case letter. */
function isUpperAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c > 127 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

function isMarker(w: string): boolean {
  return w === THAT_MARK || w === TOPIC_MARK;
}

/**
 * Matches token paths against one or more graphs. Reuses its scratch buffers: not re-entrant, so a match
 * completes (and its stars are copied out) before the caller evaluates anything.
 */
export class Matcher<C extends Leaf> {
  /**
   * The loaded path, original tokens (for stars) and upper-cased ones (for matching): the input at
   * [start, off), the `<THAT> that <TOPIC> topic` tail at [off, len). The tail rarely changes within a
   * response, so it stays in place while srai inputs are written in front of it. Entries outside
   * [start, len) are stale and never read.
   */
  private readonly words: string[] = [];
  private readonly upper: string[] = [];
  private off = 64;
  private start = 0;
  private len = 0;
  /** Where the that and topic tokens of the tail lie, and their stars when bound whole. */
  private thatStart = 0;
  private thatEnd = 0;
  private topicStart = 0;
  /** The that and topic the tail was built from (null: none, or the tail must be rewritten). */
  private tailThat: string | null = null;
  private tailTopic: string | null = null;
  /** The shortcut binds the whole that and topic as stars on every match: joined once per tail. */
  private thatStar = "";
  private topicStar = "";
  /** The loaded path's input and tail, upper-cased: together, the key of a remembered match. */
  private inputUpper = "";
  private tailUpper = "";
  /**
   * Recent matches against the bot's own graph (which never changes once compiled), by path: their
   * leaf and bindings. A response walks the graph about 15 times (its srai chain), and paths repeat a
   * lot: different inputs reduce to the same srai texts. Two generations bound the size.
   */
  private remembered = new Map<string, Remembered<C>>();
  private rememberedBefore = new Map<string, Remembered<C>>();
  private readonly bind = new Int32Array(3 * MAX_STARS * 2).fill(-1);
  /** Highest star index bound per kind, +1 (so collect() only walks what was bound). */
  private readonly top = new Int32Array(3);

  constructor(
    private nullstar: string,
    /** Matches remembered per generation; 0 remembers none. */
    private readonly rememberedPerGeneration = 4096,
  ) {}

  setNullstar(v: string): void {
    this.nullstar = v;
  }

  /** Choices of the successful path, innermost first (filled while unwinding). */
  private readonly sig: number[] = [];

  /**
   * Loads the path `input <THAT> that <TOPIC> topic` for the following match() calls: the same tokens as
   * `${input.trim()} <THAT> ${that.trim()} <TOPIC> ${topic.trim()}`.trim().split(" "), without rebuilding and
   * upper-casing the tail for every srai of a response.
   */
  load(input: string, that: string, topic: string): void {
    const i = input.trim();
    let inputCount = 0;
    if (i !== "") {
      inputCount = 1;
      for (let k = i.indexOf(" "); k >= 0; k = i.indexOf(" ", k + 1)) inputCount++;
    }
    if (inputCount > this.off || (this.off > 1024 && inputCount <= 64)) {
      // Room for a long input (or back to the usual size after one): the tail moves.
      this.off = Math.max(64, inputCount);
      this.tailThat = null;
    }
    if (that !== this.tailThat || topic !== this.tailTopic) this.loadTail(that, topic);
    const words = this.words;
    const up = this.upper;
    const start = this.off - inputCount;
    if (inputCount > 0) {
      splitInto(i, words, start);
      // Srai inputs are mostly upper-case already: then the tokens serve as they are.
      if (isUpperAscii(i)) {
        for (let k = start; k < this.off; k++) up[k] = words[k] as string;
        this.inputUpper = i;
      } else {
        this.inputUpper = i.toUpperCase();
        splitInto(this.inputUpper, up, start);
      }
    } else this.inputUpper = "";
    this.start = start;
  }

  private loadTail(that: string, topic: string): void {
    const t = that.trim();
    const p = topic.trim();
    // An empty topic adds no token: the whole-path trim drops its trailing space.
    const tail = p === "" ? `<THAT> ${t} <TOPIC>` : `<THAT> ${t} <TOPIC> ${p}`;
    const off = this.off;
    this.len = splitInto(tail, this.words, off);
    // Upper-casing never adds or removes a space, so the upper-cased tokens line up with the originals.
    this.tailUpper = tail.toUpperCase();
    splitInto(this.tailUpper, this.upper, off);
    if (this.words.length > 2 * this.len + 64) {
      // Drop what an earlier long path left behind.
      this.words.length = this.len;
      this.upper.length = this.len;
    }
    this.tailThat = that;
    this.tailTopic = topic;
    // What jtrim(tokens.join(" ")) gives for the whole that or topic: the JS-trimmed text, Java-trimmed.
    this.thatStar = jtrim(t);
    this.topicStar = jtrim(p);
    let thatCount = 1;
    for (let k = t.indexOf(" "); k >= 0; k = t.indexOf(" ", k + 1)) thatCount++;
    this.thatStart = off + 1;
    this.thatEnd = this.thatStart + thatCount;
    this.topicStart = this.thatEnd + 1;
  }

  /**
   * Matches the loaded path against `graph`. `remember`: the graph never changes, so the result may
   * come from (and go to) the memory of recent matches.
   */
  match(graph: Graphmaster<C>, withSignature = false, remember = false): MatchResult<C> | null {
    // Unbind what the previous match bound: every binding lies below its kind's top.
    const bind = this.bind;
    const top = this.top;
    for (let kind = 0; kind < 3; kind++) {
      const from = kind * MAX_STARS * 2;
      if ((top[kind] as number) > 0) bind.fill(-1, from, from + (top[kind] as number) * 2);
      top[kind] = 0;
    }
    this.sig.length = 0;
    let key = "";
    if (remember && this.rememberedPerGeneration > 0) {
      key = `${this.inputUpper} ${this.tailUpper}`;
      const known = this.recall(key);
      if (known) return this.replay(known, withSignature);
    }
    const leaf = this.node(graph.root, this.start, 0, 0);
    if (key !== "") this.remember(key, leaf);
    if (!leaf?.category) return null;
    const result: MatchResult<C> = { category: leaf.category, stars: this.collect() };
    if (withSignature) result.signature = this.sig.slice().reverse();
    return result;
  }

  private recall(key: string): Remembered<C> | undefined {
    const known = this.remembered.get(key);
    if (known) return known;
    const older = this.rememberedBefore.get(key);
    if (older) this.keep(key, older);
    return older;
  }

  private remember(key: string, leaf: GNode<C> | null): void {
    const top = this.top;
    const bound = (top[0] as number) + (top[1] as number) + (top[2] as number);
    // Bindings as [kind, index, start, end], starts and ends relative to where the input starts.
    const binds = new Int32Array(bound * 4);
    let n = 0;
    for (let kind = 0; kind < 3; kind++) {
      for (let idx = 0; idx < (top[kind] as number); idx++) {
        const at = (kind * MAX_STARS + idx) * 2;
        const start = this.bind[at] as number;
        const end = this.bind[at + 1] as number;
        binds[n++] = kind;
        binds[n++] = idx;
        binds[n++] = start < 0 ? start : start - this.start;
        // A negative end counts from the end of the path (see the shortcut) and stays as it is.
        binds[n++] = end < 0 || start < 0 ? end : end - this.start;
      }
    }
    this.keep(key, { leaf, binds, sig: this.sig.slice() });
  }

  private keep(key: string, known: Remembered<C>): void {
    if (this.remembered.size >= this.rememberedPerGeneration) {
      this.rememberedBefore = this.remembered;
      this.remembered = new Map();
    }
    this.remembered.set(key, known);
  }

  private replay(known: Remembered<C>, withSignature: boolean): MatchResult<C> | null {
    const b = known.binds;
    for (let n = 0; n < b.length; n += 4) {
      const kind = b[n] as number;
      const idx = b[n + 1] as number;
      const start = b[n + 2] as number;
      const end = b[n + 3] as number;
      const at = (kind * MAX_STARS + idx) * 2;
      this.bind[at] = start < 0 ? start : start + this.start;
      this.bind[at + 1] = end < 0 || start < 0 ? end : end + this.start;
      if (idx >= (this.top[kind] as number)) this.top[kind] = idx + 1;
    }
    const leaf = known.leaf;
    if (!leaf?.category) return null;
    const result: MatchResult<C> = { category: leaf.category, stars: this.collect() };
    if (withSignature) result.signature = known.sig.slice().reverse();
    return result;
  }

  private set(kind: number, idx: number, start: number, end: number): void {
    if (idx >= MAX_STARS) return;
    const at = (kind * MAX_STARS + idx) * 2;
    this.bind[at] = start;
    this.bind[at + 1] = end;
    if (idx >= (this.top[kind] as number)) this.top[kind] = idx + 1;
  }

  private collect(): Stars {
    return { input: this.starList(0), that: this.starList(1), topic: this.starList(2) };
  }

  private starList(kind: number): string[] {
    const list: string[] = [];
    const top = this.top[kind] as number;
    for (let idx = 0; idx < top; idx++) {
      const at = (kind * MAX_STARS + idx) * 2;
      const s = this.bind[at] as number;
      // Program AB copies stars up to the first unbound one.
      if (s < 0) break;
      const e = this.bind[at + 1] as number;
      if (s === e) list.push(this.nullstar);
      else if (s === this.thatStart && e === this.thatEnd) list.push(this.thatStar);
      else if (s === this.topicStart && e === this.len) list.push(this.topicStar);
      else if (e === s + 1) list.push(jtrim(this.words[s] as string));
      // A negative end (see the shortcut) counts from the end of the path, as slice would on the path alone.
      else list.push(jtrim(this.words.slice(s, e < 0 ? this.len + e : e).join(" ")));
    }
    return list;
  }

  private node(node: GNode<C>, i: number, kind: number, si: number): GNode<C> | null {
    const len = this.len;
    if (i === len) return node.category ? node : null;
    if (len - i < node.height) return null;
    const w = this.upper[i] as string;
    let r: GNode<C> | null = null;
    const wd = node.wild;
    if (wd) {
      if (wd.dollar) {
        const c = wd.dollar.get(w);
        if (c) r = this.node(c, i + 1, kind, si);
        if (r) {
          this.sig.push(1);
          return r;
        }
      }
      if (wd.sharp) {
        r = this.zeroOrMore(wd.sharp, i, kind, si, 1);
        if (r) return r;
      }
      if (wd.under) {
        r = this.wild(wd.under, i, kind, si, 2);
        if (r) return r;
      }
    }
    const c = node.word(w);
    if (c) {
      if (w === THAT_MARK) r = this.node(c, i + 1, 1, 0);
      else if (w === TOPIC_MARK) r = this.node(c, i + 1, 2, 0);
      else r = this.node(c, i + 1, kind, si);
      if (r) {
        this.sig.push(3 * R + 1);
        return r;
      }
    }
    if (wd?.sets) {
      r = this.setMatch(wd.sets, i, kind, si);
      if (r) return r;
    }
    if (node.shortCut && node.category && w === THAT_MARK) {
      let t = i + 1;
      while (t < len && this.upper[t] !== TOPIC_MARK) t++;
      // No <TOPIC> after i (unreachable in practice): the bindings an indexOf answering -1 gave before.
      if (t === len) t = -1;
      this.set(1, 0, i + 1, t);
      this.set(2, 0, t < 0 ? this.start : t + 1, len);
      this.sig.push(5 * R);
      return node;
    }
    if (!wd) return null;
    if (wd.caret) {
      r = this.zeroOrMore(wd.caret, i, kind, si, 6);
      if (r) return r;
    }
    if (wd.star) return this.wild(wd.star, i, kind, si, 7);
    return null;
  }

  private zeroOrMore(child: GNode<C>, i: number, kind: number, si: number, rank: number): GNode<C> | null {
    // Program AB binds the empty star before trying (a failed attempt leaves it bound).
    this.set(kind, si, i, i);
    const r = this.node(child, i, kind, si + 1);
    if (r) {
      this.sig.push(rank * R);
      return r;
    }
    return this.wild(child, i, kind, si, rank);
  }

  private wild(child: GNode<C>, i: number, kind: number, si: number, rank: number): GNode<C> | null {
    const up = this.upper;
    if (isMarker(up[i] as string)) return null;
    if (child.category && !child.shortCut) {
      // Program AB: a wildcard leading to a leaf takes the rest of the path without trying deeper nodes.
      this.set(kind, si, i, this.len);
      this.sig.push(rank * R + this.len - i);
      return child;
    }
    for (let j = i + 1; j < this.len && !isMarker(up[j - 1] as string); j++) {
      const r = this.node(child, j, kind, si + 1);
      if (r) {
        this.set(kind, si, i, j);
        this.sig.push(rank * R + j - i);
        return r;
      }
    }
    return null;
  }

  private setMatch(sets: NonNullable<Wild<C>["sets"]>, i: number, kind: number, si: number): GNode<C> | null {
    const up = this.upper;
    if (isMarker(up[i] as string)) return null;
    const sig = this.sig;
    for (const entry of sets) {
      const set = entry.set;
      if (!set || (set.mayStartWith && !set.mayStartWith(up[i] as string))) continue;
      let best: GNode<C> | null = null;
      const base = sig.length;
      let kept = 0; // signature entries of the current best attempt
      let phrase = up[i] as string;
      for (
        let q = i + 1, length = 1;
        q < this.len && !isMarker(up[q - 1] as string) && length <= set.maxLength;
        q++
      ) {
        if (set.has(phrase)) {
          const r = this.node(entry.node, q, kind, si + 1);
          if (r) {
            this.set(kind, si, i, q);
            best = r;
            // A longer member wins: forget the shorter attempt's choices.
            sig.splice(base, kept);
            kept = sig.length - base;
            sig.push(4 * R + (R - 1 - length));
            kept++;
          }
        }
        length++;
        phrase += ` ${up[q]}`;
      }
      if (best) return best;
    }
    return null;
  }
}
