// The shared test logger, under the name these tests use.
export { type CapturedLine, captureLogger } from "@parley/core/testing";
