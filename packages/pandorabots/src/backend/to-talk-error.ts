// Translates client failures into the core's talk errors, which the TalkQueue knows how to retry.
import { TalkApiError, TalkNetworkError } from "@parley/core";
import {
  PandorabotsAbortedError,
  PandorabotsError,
  PandorabotsNetworkError,
  PandorabotsTimeoutError,
  PandorabotsValidationError,
} from "../client/index.js";

export function toTalkError(err: unknown): unknown {
  if (!(err instanceof PandorabotsError)) return err;
  // Our own checks and the caller's cancellation are not the service's answer: pass them through.
  if (err instanceof PandorabotsValidationError || err instanceof PandorabotsAbortedError) return err;
  if (err instanceof PandorabotsNetworkError || err instanceof PandorabotsTimeoutError) {
    return new TalkNetworkError(err.message, { cause: err, hint: err.hint });
  }
  if (err.status !== undefined) {
    return new TalkApiError(err.message, {
      status: err.status,
      retryAfterMs: err.retryAfterMs,
      retryable: err.retryable,
      cause: err,
      hint: err.hint,
    });
  }
  return err;
}
