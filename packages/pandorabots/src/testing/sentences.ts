// The fake's stand-in for the service's default sentence-splitters (". ! ?").

export function splitSentences(input: string): string[] {
  const parts = input
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return parts.length > 0 ? parts : [input.trim()];
}
