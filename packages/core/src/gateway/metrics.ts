// What the gateway reports; prom-client counters/histograms (observability) can satisfy it.

export type MessageOutcome = "accepted" | "duplicate" | "busy" | "answered" | "failed";

export interface GatewayMetrics {
  /** One inbound message reached this outcome (accepted ones later also count as answered or failed). */
  message?(channel: string, outcome: MessageOutcome): void;
  /** From receive/ask to the reply being handed to the channel (or returned by ask). */
  replyLatency?(channel: string, ms: number): void;
}
