import { JAVA_TRIM } from "./java-trim.js";

/** Program AB's `<formal>`: lower-case, then capitalise the first letter of each whitespace-separated word. */
export function formal(s: string): string {
  let out = "";
  let found = false;
  for (const ch of s.toLowerCase()) {
    if (!found && /\p{L}/u.test(ch)) {
      out += ch.toUpperCase();
      found = true;
    } else {
      if (/\s/.test(ch)) found = false;
      out += ch;
    }
  }
  return out;
}

/** Program AB's `<explode>`: characters separated by single spaces. */
export function explode(s: string): string {
  let out = "";
  for (const ch of s) out += ` ${ch}`;
  return out.replace(/ {2,}/g, " ").replace(JAVA_TRIM, "");
}

/** Program AB's `<sentence>`: first character upper-cased; a single character gives the empty string. */
export function sentence(s: string): string {
  return s.length > 1 ? s.charAt(0).toUpperCase() + s.slice(1) : "";
}
