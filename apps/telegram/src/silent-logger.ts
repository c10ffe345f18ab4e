// Used when the host gives no logger: the channel stays quiet rather than writing to stdout itself.
import type { Logger } from "@parley/core";

const noop = (): void => {};

export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
