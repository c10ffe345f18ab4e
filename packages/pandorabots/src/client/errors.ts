// One class per way a Pandorabots call can fail, so callers (the talk queue, the CLI) can branch on
// the kind without parsing messages. Messages name the operation and the file, never a credential.
import { ParleyError } from "@parley/core";

export interface PandorabotsErrorDetails {
  /** HTTP status, when the server answered. */
  status?: number;
  /** What the client was doing, e.g. "upload file greetings.aiml to bot mybot". */
  operation?: string;
  /** The server's own message (credentials removed). */
  serverMessage?: string;
  /** The bot file concerned, when the call was about one (e.g. "greetings.aiml", "colors.set"). */
  file?: string;
  hint?: string;
  cause?: unknown;
}

/** Base of every error of this package. `retryable` tells a queue whether trying again may help. */
export class PandorabotsError extends ParleyError {
  readonly status: number | undefined;
  readonly operation: string | undefined;
  readonly serverMessage: string | undefined;
  readonly file: string | undefined;
  readonly retryable: boolean = false;
  /** How long the server asked us to wait before retrying (429 Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined = undefined;

  constructor(code: string, message: string, details: PandorabotsErrorDetails = {}) {
    super(code, message, { hint: details.hint, cause: details.cause });
    this.status = details.status;
    this.operation = details.operation;
    this.serverMessage = details.serverMessage;
    this.file = details.file;
  }
}

/** Rejected before any request: a bad bot name, file name, file kind, client name or input. */
export class PandorabotsValidationError extends PandorabotsError {
  readonly field: string;
  constructor(field: string, message: string, hint?: string) {
    super("PANDORABOTS_INVALID_ARGUMENT", message, { hint });
    this.field = field;
  }
}

/** 400: malformed request — bad name, input too long, bad client_name, bad JSON in a file, compile errors. */
export class PandorabotsBadRequestError extends PandorabotsError {
  /** Compile errors returned by verify (`results`), when the server sent them. */
  readonly results: unknown;
  constructor(message: string, details: PandorabotsErrorDetails & { results?: unknown } = {}) {
    super("PANDORABOTS_BAD_REQUEST", message, { status: 400, ...details });
    this.results = details.results;
  }
}

/** 401: wrong app id / user key / botkey, referrer filter, or over the plan's bot limit. */
export class PandorabotsUnauthorizedError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_UNAUTHORIZED", message, {
      status: 401,
      hint: "Check PANDORABOTS_APP_ID and PANDORABOTS_USER_KEY (or the botkey), and your plan's limits.",
      ...details,
    });
  }
}

/** 404: unknown file kind (or, intermittently on the hosted service, a load-balancing fault). */
export class PandorabotsNotFoundError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_NOT_FOUND", message, { status: 404, ...details });
  }
}

/** 409: a bot of that name already exists. */
export class PandorabotsConflictError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_CONFLICT", message, { status: 409, ...details });
  }
}

/** 412: the bot (or file) does not exist, or the bot is not compiled. */
export class PandorabotsPreconditionError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_PRECONDITION_FAILED", message, {
      status: 412,
      hint: "Check the bot and file names, and compile the bot (verify) after uploading files.",
      ...details,
    });
  }
}

/** 429: over the plan's call limit. Retryable after `retryAfterMs` when the server said so. */
export class PandorabotsRateLimitError extends PandorabotsError {
  override readonly retryable = true;
  override readonly retryAfterMs: number | undefined;
  constructor(message: string, details: PandorabotsErrorDetails & { retryAfterMs?: number } = {}) {
    super("PANDORABOTS_RATE_LIMITED", message, { status: 429, ...details });
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx: the service failed; worth retrying. */
export class PandorabotsServerError extends PandorabotsError {
  override readonly retryable = true;
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_SERVER_ERROR", message, details);
  }
}

/** Any other unexpected status, or a 2xx whose body is not what the API documents. */
export class PandorabotsProtocolError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_PROTOCOL_ERROR", message, details);
  }
}

/** No answer within the configured timeout. */
export class PandorabotsTimeoutError extends PandorabotsError {
  override readonly retryable = true;
  readonly timeoutMs: number;
  constructor(message: string, details: PandorabotsErrorDetails & { timeoutMs: number }) {
    super("PANDORABOTS_TIMEOUT", message, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The connection failed (DNS, refused, reset) before an answer arrived. */
export class PandorabotsNetworkError extends PandorabotsError {
  override readonly retryable = true;
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_NETWORK_ERROR", message, {
      hint: "Check the base URL and that the service is reachable.",
      ...details,
    });
  }
}

/** The caller's AbortSignal fired. Not retryable: someone asked to stop. */
export class PandorabotsAbortedError extends PandorabotsError {
  constructor(message: string, details: PandorabotsErrorDetails = {}) {
    super("PANDORABOTS_ABORTED", message, details);
  }
}
