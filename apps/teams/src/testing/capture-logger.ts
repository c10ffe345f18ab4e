// The shared test logger, under the names these tests use.
export { type CapturedLine as LogLine, captureLogger } from "@parley/core/testing";
