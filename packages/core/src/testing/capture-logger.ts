// A Logger that keeps every line, so tests can check what an operator would read.
import type { Logger } from "@parley/core";

export interface CapturedLine {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  data: Record<string, unknown>;
}

export function captureLogger(lines: CapturedLine[] = []): Logger & { lines: CapturedLine[] } {
  const make = (bindings: Record<string, unknown>): Logger => {
    const log =
      (level: CapturedLine["level"]) =>
      (objOrMsg: object | string, msg?: string): void => {
        if (typeof objOrMsg === "string") lines.push({ level, msg: objOrMsg, data: { ...bindings } });
        else lines.push({ level, msg: msg ?? "", data: { ...bindings, ...objOrMsg } });
      };
    return {
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return Object.assign(make({}), { lines });
}
