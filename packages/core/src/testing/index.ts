// Helpers for tests of Parley's packages and of third-party channels: `@parley/core/testing`.
export { type CapturedLine, captureLogger } from "./capture-logger.js";
