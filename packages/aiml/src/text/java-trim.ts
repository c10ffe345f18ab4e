/** Java's String.trim: strips characters <= U+0020 only (JS trim also strips NBSP and other Unicode spaces). */
export function jtrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** True when Java's trim would leave nothing (every character <= U+0020); stops at the first other one. */
export function isJavaBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

/** For `s.replace(JAVA_TRIM, "")`: Java trim as a regex. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Java trim strips exactly the control characters and space.
export const JAVA_TRIM = /^[\x00-\x20]+|[\x00-\x20]+$/g;
