// What the gateway reports. Structurally a subset of the core's `ParleyMetrics` (createMetrics), so
// `metrics: createMetrics()` can be passed as is; any other implementation works too.
import type { TalkQueueMetrics } from "../queue/index.js";

export type MessageOutcome = "accepted" | "duplicate" | "busy" | "answered" | "failed";

export interface GatewayMetrics {
  /** A message was accepted for an answer (not a duplicate, not refused as busy). */
  received?(channel: string): void;
  /** A reply from the bot was handed to the channel (or returned by `ask`). */
  answered?(channel: string): void;
  /** One talk attempt failed: an HTTP status, "timeout" or "network". */
  talkError?(status: number | string): void;
  /** Given to the TalkQueue the gateway creates itself (a shared queue has its own `metrics`). */
  queue?: TalkQueueMetrics;
  /** Every outcome, including duplicates, busy refusals and failures. */
  message?(channel: string, outcome: MessageOutcome): void;
  /** From receive/ask to the reply being handed to the channel (or returned by ask). */
  replyLatency?(channel: string, ms: number): void;
}
