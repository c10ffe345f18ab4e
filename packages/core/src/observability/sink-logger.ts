// A Logger whose every line goes to one function: for loggers that keep, forward or count lines.
import type { Logger } from "../types/index.js";

export type LogSinkLevel = "debug" | "info" | "warn" | "error";

/** `obj` is `{}` when the line was logged as a bare message. Children write to the same sink. */
export function sinkLogger(
  write: (level: LogSinkLevel, obj: object, msg: string | undefined) => void,
): Logger {
  const at =
    (level: LogSinkLevel) =>
    (objOrMsg: object | string, msg?: string): void => {
      if (typeof objOrMsg === "string") write(level, {}, objOrMsg);
      else write(level, objOrMsg, msg);
    };
  const logger: Logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => logger,
  };
  return logger;
}
