// Used when the caller passes no logger (library use, tests): says nothing.
import type { Logger } from "@parley/core";

const noop = () => {};

export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
