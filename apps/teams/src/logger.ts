// The logger used when the caller gives none.
import type { Logger } from "@parley/core";

const noop = () => {};

export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
