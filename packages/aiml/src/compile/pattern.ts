import { jtrim } from "../text/java-trim.js";

/** Pattern text to graph tokens, following Program AB's string handling (its quirks included). */

/** Program AB's cleanPattern: line breaks to spaces, then ONE pass of "  " to " " (longer runs survive). */
export function cleanPattern(s: string): string {
  if (s === "*") return s;
  if (s.includes("\n") || s.includes("\r")) s = s.replace(/\r\n|\n\r|\r|\n/g, " ");
  if (s.includes("  ")) s = s.replaceAll("  ", " ");
  return jtrim(s);
}

/** Appends the space-separated words of `s` (Java-trimmed); `*`, the usual that and topic, without a split. */
function pushWords(tokens: string[], s: string): void {
  if (s === "*") {
    tokens.push("*");
    return;
  }
  const t = jtrim(s);
  if (t !== "") for (const w of t.split(" ")) tokens.push(w);
}

const botProperty = /<BOT NAME="(.*?)"\/>/g;

/** `INPUT <THAT> that <TOPIC> topic` as tokens, `<bot name="x"/>` replaced by the upper-cased property. */
export function pathTokens(
  pattern: string,
  that: string,
  topic: string,
  property: (name: string) => string | undefined,
): string[] {
  if (!pattern.includes("<B") && !that.includes("<B") && !topic.includes("<B")) {
    // Same tokens as the string form below, without building it.
    const p = jtrim(pattern);
    const tokens = p === "" ? [] : p.split(" ");
    tokens.push("<THAT>");
    pushWords(tokens, that);
    tokens.push("<TOPIC>");
    pushWords(tokens, topic);
    return tokens;
  }
  let s = `${jtrim(pattern)} <THAT> ${jtrim(that)} <TOPIC> ${jtrim(topic)}`;
  s = s.replace(botProperty, (_, name: string) => (property(name.toLowerCase()) ?? "unknown").toUpperCase());
  return jtrim(s).split(" ");
}
