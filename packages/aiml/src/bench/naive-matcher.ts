/**
 * Baseline: a linear scan over every category with a backtracking wildcard matcher (what an interpreter
 * without a graph does). Same normalization as the real matcher; no that/topic, sets or priorities.
 */
export class NaiveMatcher {
  private readonly patterns: string[][];
  constructor(
    categories: Array<{ pattern: string; template: string }>,
    private readonly templates = categories.map((c) => c.template),
  ) {
    this.patterns = categories.map((c) => c.pattern.split(" "));
  }

  match(input: string): string | null {
    const words = input.toUpperCase().split(" ");
    for (let i = 0; i < this.patterns.length; i++) {
      if (matches(this.patterns[i] as string[], 0, words, 0)) return this.templates[i] as string;
    }
    return null;
  }
}

function matches(p: string[], pi: number, w: string[], wi: number): boolean {
  if (pi === p.length) return wi === w.length;
  const t = p[pi] as string;
  if (t === "*" || t === "_" || t === "^" || t === "#") {
    const min = t === "^" || t === "#" ? 0 : 1;
    for (let k = wi + min; k <= w.length; k++) if (matches(p, pi + 1, w, k)) return true;
    return false;
  }
  return wi < w.length && w[wi] === t && matches(p, pi + 1, w, wi + 1);
}
