import { jtrim } from "./java-trim.js";
/** Splits at any splitter character like Java's String.split: pieces trimmed, trailing empty pieces dropped. */
export class SentenceSplitter {
  private readonly splitters: Set<string>;
  /**
   * The splitters as UTF-16 units when each is one unit and no surrogate: then a text is scanned unit by unit
   * (a surrogate pair can never be one of them), without a string per character. Null otherwise.
   */
  private readonly units: Set<number> | null;
  /** The ASCII ones of `units`, by code, and whether `units` holds others. */
  private readonly ascii = new Uint8Array(128);
  private readonly nonAscii: boolean;

  constructor(chars = ".!?") {
    this.splitters = new Set([...chars].filter((c) => jtrim(c) !== ""));
    const units = new Set<number>();
    let nonAscii = false;
    for (const c of this.splitters) {
      const u = c.charCodeAt(0);
      if (c.length !== 1 || (u >= 0xd800 && u <= 0xdfff)) continue;
      units.add(u);
      if (u < 128) this.ascii[u] = 1;
      else nonAscii = true;
    }
    this.units = units.size === this.splitters.size ? units : null;
    this.nonAscii = nonAscii;
  }

  split(line: string): string[] {
    let text = line;
    // The full-width stops count as their ASCII forms.
    if (text.includes("。")) text = text.replace(/。/g, ".");
    if (text.includes("？")) text = text.replace(/？/g, "?");
    if (text.includes("！")) text = text.replace(/！/g, "!");
    if (text.length === 0) return [""];
    const out: string[] = [];
    let start = 0;
    const units = this.units;
    if (units) {
      const ascii = this.ascii;
      const nonAscii = this.nonAscii;
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c < 128 ? ascii[c] === 1 : nonAscii && units.has(c)) {
          out.push(text.slice(start, k));
          start = k + 1;
        }
      }
    } else {
      let k = 0;
      for (const ch of text) {
        if (this.splitters.has(ch)) {
          out.push(text.slice(start, k));
          start = k + ch.length;
        }
        k += ch.length;
      }
    }
    out.push(text.slice(start));
    // Java drops trailing pieces that are empty before trimming.
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out.map((s) => jtrim(s));
  }
}
