// Typed API errors: each carries the HTTP status the Pandorabots API uses for that case.
// Messages are safe to send to a caller: they never contain keys.

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "plan_limit"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "rate_limited";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, "bad_request", message, details);
  }
}

/** Wrong or missing credentials. The message is fixed so it tells an attacker nothing. */
export class UnauthorizedError extends ApiError {
  constructor() {
    super(401, "unauthorized", "Unauthorized");
  }
}

/** Over a plan limit (bots, anonymous clients): Pandorabots answers these with 401 too. */
export class PlanLimitError extends ApiError {
  constructor(message: string) {
    super(401, "plan_limit", message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class PreconditionFailedError extends ApiError {
  constructor(message: string) {
    super(412, "precondition_failed", message);
  }
}

export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message);
  }
}
