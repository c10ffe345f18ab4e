// A Logger that keeps what it is told, so tests can check what an operator would read.
import type { Logger } from "@parley/core";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  fields: Record<string, unknown>;
}

export function captureLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const at =
    (level: LogEntry["level"]) =>
    (first: string | object, msg?: string): void => {
      if (typeof first === "string") entries.push({ level, msg: first, fields: {} });
      else entries.push({ level, msg: msg ?? "", fields: first as Record<string, unknown> });
    };
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => captureLogger(entries),
  };
}
