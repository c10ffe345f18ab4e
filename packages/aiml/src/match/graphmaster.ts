import type { AimlSet } from "./collections.js";

/** What a leaf holds; the graph itself is agnostic of templates. */
export interface Leaf {
  pattern: string;
  that: string;
  topic: string;
  file: string;
}

const NO_HEIGHT = 100000;
export const THAT_MARK = "<THAT>";
export const TOPIC_MARK = "<TOPIC>";

export type SetResolver = (name: string) => AimlSet | null;

/** Wildcard, `$word` and set children: rare, so kept off the common node shape. */
export class Wild<C extends Leaf> {
  dollar: Map<string, GNode<C>> | null = null;
  sharp: GNode<C> | null = null;
  under: GNode<C> | null = null;
  caret: GNode<C> | null = null;
  star: GNode<C> | null = null;
  sets: Array<{ key: string; set: AimlSet | null; node: GNode<C> }> | null = null;
}

export class GNode<C extends Leaf> {
  /** One child kept inline: most nodes have a single word child, and a Map per node would cost the heap. */
  k1: string | null = null;
  n1: GNode<C> | null = null;
  words: Map<string, GNode<C>> | null = null;
  wild: Wild<C> | null = null;
  category: C | null = null;
  shortCut = false;
  height = NO_HEIGHT;

  word(w: string): GNode<C> | null {
    if (this.k1 === w) return this.n1;
    return this.words ? (this.words.get(w) ?? null) : null;
  }
}

/**
 * Program AB's graphmaster: at each word `$word` > `#` > `_` > word > `<set>` > that/topic shortcut > `^` > `*`,
 * depth-first. Categories whose that and topic are both `*` end at the pattern node ("shortcut"), as in Program AB.
 */
export class Graphmaster<C extends Leaf> {
  readonly root = new GNode<C>();
  private readonly words = new Map<string, string>();
  count = 0;

  constructor(private readonly resolveSet: SetResolver) {}

  /** Adds a category; returns the category it replaced (a duplicate), if any. */
  add(tokens: readonly string[], category: C): C | null {
    const shortcutAt = tokens.length - 4;
    const shortcut =
      shortcutAt >= 0 &&
      tokens[shortcutAt] === THAT_MARK &&
      tokens[shortcutAt + 1] === "*" &&
      tokens[shortcutAt + 2] === TOPIC_MARK &&
      tokens[shortcutAt + 3] === "*" &&
      tokens.indexOf(THAT_MARK) === shortcutAt;
    const replaced = this.addPath(this.root, tokens, 0, shortcut ? shortcutAt : -1, category);
    if (!replaced) this.count++;
    return replaced;
  }

  private addPath(
    node: GNode<C>,
    tokens: readonly string[],
    i: number,
    shortcutAt: number,
    cat: C,
  ): C | null {
    if (i === tokens.length || i === shortcutAt) {
      const old = node.category;
      node.category = cat;
      if (i === shortcutAt) {
        node.shortCut = true;
        node.height = Math.min(4, node.height);
      } else node.height = 0;
      return old;
    }
    const w = tokens[i] as string;
    const child = this.child(node, w);
    const replaced = this.addPath(child, tokens, i + 1, shortcutAt, cat);
    const offset = w === "#" || w === "^" ? 0 : 1;
    node.height = Math.min(offset + child.height, node.height);
    return replaced;
  }

  private child(node: GNode<C>, w: string): GNode<C> {
    const c0 = w.charCodeAt(0);
    // Only `#_^*$<` can start a special key.
    if (c0 === 35 || c0 === 95 || c0 === 94 || c0 === 42 || c0 === 36 || c0 === 60) {
      const special = this.specialChild(node, w);
      if (special) return special;
    }
    const existing = node.word(w);
    if (existing) return existing;
    const n = new GNode<C>();
    // One string per distinct word: the split-off token then dies young instead of living in the graph.
    let key = this.words.get(w);
    if (key === undefined) {
      key = w;
      this.words.set(w, w);
    }
    w = key;
    if (node.k1 === null && !node.words) {
      node.k1 = w;
      node.n1 = n;
    } else {
      if (!node.words) {
        node.words = new Map();
        node.words.set(node.k1 as string, node.n1 as GNode<C>);
        node.k1 = null;
        node.n1 = null;
      }
      node.words.set(w, n);
    }
    return n;
  }

  private specialChild(node: GNode<C>, w: string): GNode<C> | null {
    const wild = (): Wild<C> => {
      node.wild ??= new Wild<C>();
      return node.wild;
    };
    switch (w) {
      case "#":
        wild().sharp ??= new GNode<C>();
        return wild().sharp;
      case "_":
        wild().under ??= new GNode<C>();
        return wild().under;
      case "^":
        wild().caret ??= new GNode<C>();
        return wild().caret;
      case "*":
        wild().star ??= new GNode<C>();
        return wild().star;
    }
    if (w.length > 1 && w[0] === "$") {
      const wd = wild();
      wd.dollar ??= new Map();
      let n = wd.dollar.get(w.slice(1));
      if (!n) {
        n = new GNode<C>();
        wd.dollar.set(w.slice(1), n);
      }
      return n;
    }
    if (w.startsWith("<SET>") && w.endsWith("</SET>")) {
      const wd = wild();
      wd.sets ??= [];
      let entry = wd.sets.find((s) => s.key === w);
      if (!entry) {
        entry = { key: w, set: this.resolveSet(w.slice(5, -6)), node: new GNode<C>() };
        wd.sets.push(entry);
      }
      return entry.node;
    }
    return null;
  }

  /** Tokens of every node key plus nothing else: Program AB's brain vocabulary. */
  vocabulary(into: Set<string>): void {
    const walk = (n: GNode<C>): void => {
      if (n.k1 !== null && n.n1) {
        into.add(n.k1);
        walk(n.n1);
      }
      if (n.words)
        for (const [k, c] of n.words) {
          into.add(k);
          walk(c);
        }
      const wd = n.wild;
      if (!wd) return;
      if (wd.dollar)
        for (const [k, c] of wd.dollar) {
          into.add(`$${k}`);
          walk(c);
        }
      if (wd.sets)
        for (const s of wd.sets) {
          into.add(s.key);
          walk(s.node);
        }
      for (const [k, c] of [
        ["#", wd.sharp],
        ["_", wd.under],
        ["^", wd.caret],
        ["*", wd.star],
      ] as const) {
        if (c) {
          into.add(k);
          walk(c);
        }
      }
    };
    walk(this.root);
  }
}
