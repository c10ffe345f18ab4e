import { jtrim } from "../text/java-trim.js";

/** Pattern text to graph tokens, following Program AB's string handling (its quirks included). */

/** Program AB's cleanPattern: line breaks to spaces, then ONE pass of "  " to " " (longer runs survive). */
export function cleanPattern(s: string): string {
  return jtrim(s.replace(/\r\n|\n\r|\r|\n/g, " ").replaceAll("  ", " "));
}

const botProperty = /<BOT NAME="(.*?)"\/>/g;

/** `INPUT <THAT> that <TOPIC> topic` as tokens, `<bot name="x"/>` replaced by the upper-cased property. */
export function pathTokens(
  pattern: string,
  that: string,
  topic: string,
  property: (name: string) => string | undefined,
): string[] {
  let s = `${jtrim(pattern)} <THAT> ${jtrim(that)} <TOPIC> ${jtrim(topic)}`;
  if (s.includes("<B")) {
    s = s.replace(botProperty, (_, name: string) =>
      (property(name.toLowerCase()) ?? "unknown").toUpperCase(),
    );
  }
  return jtrim(s).split(" ");
}
