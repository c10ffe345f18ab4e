// The bridge Bolt wants for logging.
import type { Logger } from "@parley/core";
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";

const noop = () => {};

/** Bolt logs through this; its own level setting is ignored: ours decides. */
export function toBoltLogger(logger: Logger): BoltLogger {
  const join = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  return {
    debug: (...args) => logger.debug(join(args)),
    info: (...args) => logger.info(join(args)),
    warn: (...args) => logger.warn(join(args)),
    error: (...args) => logger.error(join(args)),
    setLevel: noop,
    getLevel: () => LogLevel.DEBUG,
    setName: noop,
  };
}
