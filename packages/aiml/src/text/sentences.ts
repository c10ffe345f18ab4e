import { jtrim } from "./java-trim.js";
/** Splits at any splitter character like Java's String.split: pieces trimmed, trailing empty pieces dropped. */
export class SentenceSplitter {
  private readonly splitters: Set<string>;
  constructor(chars = ".!?") {
    this.splitters = new Set([...chars].filter((c) => jtrim(c) !== ""));
  }

  split(line: string): string[] {
    const text = line.replace(/。/g, ".").replace(/？/g, "?").replace(/！/g, "!");
    const out: string[] = [];
    let cur = "";
    for (const ch of text) {
      if (this.splitters.has(ch)) {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    if (text.length === 0) return [""];
    // Java drops trailing pieces that are empty before trimming.
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out.map((s) => jtrim(s));
  }
}
