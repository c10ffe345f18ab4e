// The few figures the queue reports; prom-client gauges/counters (observability) can satisfy it.

export type AttemptOutcome = "ok" | "retry" | "failed";

export interface TalkQueueMetrics {
  /** Messages accepted and not yet settled (waiting, running or between retries). */
  backlog?(size: number): void;
  /** One call to the talk API ended; `durationMs` is that attempt's own time. */
  attempt?(outcome: AttemptOutcome, durationMs: number): void;
  /** Talk calls running right now (not those waiting or between retries). */
  running?(count: number): void;
  /** A message was refused because the backlog was full. */
  rejected?(): void;
}
