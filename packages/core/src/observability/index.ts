export {
  type CreateLoggerOptions,
  createLogger,
  LOG_LEVELS,
  type LogLevel,
  SECRET_FIELDS,
} from "./create-logger.js";
export {
  type CreateMetricsOptions,
  createMetrics,
  type MessageOutcomeLabel,
  type ParleyMetrics,
  safeLabel,
  type TalkOutcome,
} from "./create-metrics.js";
export { REDACTED, redactSecrets, secretRedactor } from "./redact-secrets.js";
export { type LogSinkLevel, sinkLogger } from "./sink-logger.js";
