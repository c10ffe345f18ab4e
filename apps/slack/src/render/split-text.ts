// Cuts long text into pieces under a size limit, at a paragraph, line or word break when one is near.

/**
 * `measure` is the size that counts against the limit (e.g. the length once escaped), so a piece never
 * exceeds it even after escaping. Never cuts a surrogate pair.
 */
export function splitText(
  text: string,
  max: number,
  measure: (s: string) => number = (s) => s.length,
): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (measure(rest) > max) {
    const cut = cutPoint(rest, max, measure);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function cutPoint(s: string, max: number, measure: (s: string) => number): number {
  // Longest prefix that fits (measure grows with length).
  let lo = 1;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(s.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  let fit = lo;
  if (fit < s.length && isHighSurrogate(s.charCodeAt(fit - 1)) && fit > 1) fit -= 1;
  const head = s.slice(0, fit);
  for (const sep of ["\n\n", "\n", " "]) {
    const at = head.lastIndexOf(sep);
    // A break in the first half would leave tiny pieces; a hard cut reads better then.
    if (at > fit / 2) return at + sep.length;
  }
  return fit;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
