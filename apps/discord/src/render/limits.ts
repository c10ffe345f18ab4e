// Discord's documented per-message limits that rendering must respect.
export const Limits = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of all embed texts in one message. */
  embedCharsPerMessage: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Discord rejects a whole message when one link or image URL is not http(s). */
export function isWebUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
