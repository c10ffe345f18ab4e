export {
  type CreateLoggerOptions,
  createLogger,
  LOG_LEVELS,
  type LogLevel,
  SECRET_FIELDS,
} from "./create-logger.js";
export { REDACTED, redactSecrets } from "./redact-secrets.js";
