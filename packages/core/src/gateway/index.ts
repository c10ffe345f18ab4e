export { DuplicateMessageError, GatewayClosedError, InvalidInboundError } from "./errors.js";
export { type PipelineSettings, pipelineSettings } from "./from-config.js";
export { createGateway, Gateway, type GatewayOptions } from "./gateway.js";
export type { GatewayMetrics, MessageOutcome } from "./metrics.js";
export { noopLogger } from "./noop-logger.js";
export { defaultApologyReply, defaultBusyReply, toReply } from "./replies.js";
