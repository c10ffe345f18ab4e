import type { Logger } from "../types/index.js";

const ignore = () => {};

export const noopLogger: Logger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
  child: () => noopLogger,
};
