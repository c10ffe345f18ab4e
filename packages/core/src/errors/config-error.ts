import { ParleyError, type ParleyErrorOptions } from "./parley-error.js";

/** Invalid configuration: the message holds one line per problem, each naming the variable or file key. */
export class ConfigError extends ParleyError {
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[], options: ParleyErrorOptions = {}) {
    const list = typeof problems === "string" ? [problems] : [...problems];
    super("CONFIG_INVALID", list.join("\n"), options);
    this.problems = list;
  }
}
