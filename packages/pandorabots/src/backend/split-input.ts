// Long input is cut at sentence boundaries so each piece fits one talk call; nothing is dropped.

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });
const words = new Intl.Segmenter("en", { granularity: "word" });

/**
 * Splits `text` into pieces of at most `max` characters, cutting between sentences where possible,
 * else between words, and only as a last resort inside a word. The pieces, joined, hold every
 * non-blank character of the input in order.
 */
export function splitInput(text: string, max: number): string[] {
  if (!(max >= 1)) throw new RangeError("splitInput: max must be at least 1");
  if (text.length <= max) return [text];
  const units: string[] = [];
  for (const { segment } of sentences.segment(text)) {
    if (segment.length <= max) units.push(segment);
    else units.push(...splitLongSentence(segment, max));
  }
  const chunks: string[] = [];
  let current = "";
  for (const unit of units) {
    if (current.length + unit.length > max) {
      chunks.push(current);
      current = "";
    }
    current += unit;
  }
  chunks.push(current);
  return chunks.map((c) => c.trim()).filter((c) => c.length > 0);
}

function splitLongSentence(sentence: string, max: number): string[] {
  const out: string[] = [];
  for (const { segment } of words.segment(sentence)) {
    if (segment.length <= max) out.push(segment);
    // A "word" longer than a whole call (a pasted blob): cut it, keeping surrogate pairs whole.
    else out.push(...hardSplit(segment, max));
  }
  return out;
}

function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let piece = "";
  for (const ch of text) {
    if (piece.length + ch.length > max) {
      out.push(piece);
      piece = "";
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}
