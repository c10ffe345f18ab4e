import type { Inbound } from "../types/index.js";
import { InvalidInboundError } from "./errors.js";

export function validateInbound(inbound: Inbound): void {
  if (typeof inbound !== "object" || inbound === null) {
    throw new InvalidInboundError("Inbound message must be an object");
  }
  for (const field of ["channel", "userId", "conversationId", "messageId"] as const) {
    if (typeof inbound[field] !== "string" || inbound[field] === "") {
      throw new InvalidInboundError(`Inbound message field "${field}" must be a non-empty string`);
    }
  }
  if (typeof inbound.text !== "string" || inbound.text.trim() === "") {
    throw new InvalidInboundError(
      `Inbound message ${inbound.messageId} on ${inbound.channel} has no text; do not forward empty messages`,
    );
  }
}
