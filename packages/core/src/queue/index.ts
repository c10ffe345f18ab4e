export {
  QueueClosedError,
  QueueFullError,
  TalkApiError,
  TalkFailedError,
  TalkNetworkError,
  TalkTimeoutError,
} from "./errors.js";
export type { AttemptOutcome, TalkQueueMetrics } from "./metrics.js";
export { parseRate, type Rate } from "./rate.js";
export { parseRetryAfter } from "./retry-after.js";
export { backoffDelay, defaultRetryOptions, isRetryable, type RetryOptions } from "./retry-policy.js";
export {
  describe as describeTalkError,
  type Settled,
  type SubmitOptions,
  type TalkContext,
  TalkQueue,
  type TalkQueueOptions,
  type TalkTask,
} from "./talk-queue.js";
