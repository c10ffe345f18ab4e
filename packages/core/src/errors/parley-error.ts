// The base of every typed error Parley throws: a stable `code` for programs, an actionable message for people.

export interface ParleyErrorOptions {
  /** What the person can do about it (shown after the message by the CLI). */
  hint?: string;
  cause?: unknown;
}

export class ParleyError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: ParleyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

export function isParleyError(value: unknown): value is ParleyError {
  return value instanceof ParleyError;
}
