// A Logger that keeps its lines, so tests can read what an operator would see.
import type { Logger } from "@parley/core";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  data: Record<string, unknown>;
}

export function captureLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const at =
      (level: LogLine["level"]) =>
      (first: object | string, msg?: string): void => {
        lines.push(
          typeof first === "string"
            ? { level, msg: first, data: { ...bindings } }
            : { level, msg: msg ?? "", data: { ...bindings, ...first } },
        );
      };
    return {
      debug: at("debug"),
      info: at("info"),
      warn: at("warn"),
      error: at("error"),
      child: (b) => make({ ...bindings, ...b }),
    };
  };
  return Object.assign(make({}), { lines });
}
