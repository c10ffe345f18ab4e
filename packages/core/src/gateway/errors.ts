import { ParleyError } from "../errors/index.js";

/** A channel handed the gateway a message it cannot route or answer (a bug in the channel). */
export class InvalidInboundError extends ParleyError {
  constructor(message: string) {
    super("INVALID_INBOUND", message, { hint: "Fix the channel's normalization of platform events." });
  }
}

/** `receive`/`ask` after `stop()` began: the channel should answer its platform with a retryable status. */
export class GatewayClosedError extends ParleyError {
  constructor() {
    super("GATEWAY_CLOSED", "Gateway is stopping and accepts no new messages");
  }
}

/** `ask` with a (channel, messageId) already seen whose answer is no longer at hand. */
export class DuplicateMessageError extends ParleyError {
  constructor(channel: string, messageId: string) {
    super("DUPLICATE_MESSAGE", `Message ${messageId} on channel ${channel} was already received`, {
      hint: "Give every message its own messageId.",
    });
  }
}
