// Prints a compile failure's `results` (file, line, message) one per line, whatever their exact shape.
export function describeCompileResults(results: unknown): string[] {
  const list = Array.isArray(results) ? results : results == null ? [] : [results];
  return list.map((item) => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object") {
      const r = item as Record<string, unknown>;
      const where = [r.file ?? r.filename, r.line, r.column]
        .filter((x) => x !== undefined && x !== null)
        .join(":");
      const message = r.message ?? r.error ?? JSON.stringify(item);
      return where ? `${where}: ${String(message)}` : String(message);
    }
    return String(item);
  });
}
