// A Logger that keeps what it is told, so tests can check what an operator would read.
import { EventEmitter } from "node:events";
import type { Logger } from "@parley/core";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  fields: Record<string, unknown>;
}

export interface CapturedLogger extends Logger {
  entries: LogEntry[];
  /** Resolves with the first entry (logged before or after the call) that matches. */
  waitFor(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
}

export function captureLogger(): CapturedLogger {
  const entries: LogEntry[] = [];
  const events = new EventEmitter();
  const at =
    (level: LogEntry["level"]) =>
    (first: string | object, msg?: string): void => {
      const entry =
        typeof first === "string"
          ? { level, msg: first, fields: {} }
          : { level, msg: msg ?? "", fields: first as Record<string, unknown> };
      entries.push(entry);
      events.emit("entry", entry);
    };
  const logger: CapturedLogger = {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => logger,
    waitFor(match, timeoutMs = 10_000) {
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onEntry = (entry: LogEntry) => {
          if (!match(entry)) return;
          clearTimeout(timer);
          events.off("entry", onEntry);
          resolve(entry);
        };
        const timer = setTimeout(() => {
          events.off("entry", onEntry);
          reject(new Error(`no matching log entry; got: ${entries.map((e) => e.msg).join(" | ")}`));
        }, timeoutMs);
        events.on("entry", onEntry);
      });
    },
  };
  return logger;
}
