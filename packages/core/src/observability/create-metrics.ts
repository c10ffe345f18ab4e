// Prometheus metrics on a registry of our own (never prom-client's global one), so several gateways
// (and tests) can live in one process. Label values are checked: only short names, never ids or secrets.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type TalkOutcome = "ok" | "retry" | "failed";
/** The gateway's per-message outcomes (same strings as the gateway's MessageOutcome). */
export type MessageOutcomeLabel = "accepted" | "duplicate" | "busy" | "answered" | "failed";

export interface CreateMetricsOptions {
  /** Also export Node process metrics (CPU, memory, event loop lag). Default true. */
  processMetrics?: boolean;
  /** Prefix of every metric name. Default "parley_". */
  prefix?: string;
}

/** Typed handles, plus the hooks the Gateway and TalkQueue call: pass it as their `metrics` option as is. */
export interface ParleyMetrics {
  registry: Registry;
  /** Messages accepted and not yet answered (waiting, running or between retries). */
  queueDepth: Gauge;
  /** Talk-API calls running right now. */
  inFlight: Gauge;
  /** Talk-API calls retried. */
  retries: Counter;
  /** Messages refused because the backlog was full (they got the busy reply). */
  rejected: Counter;
  /** Duration of each talk-API attempt, by outcome. */
  talkLatency: Histogram<"outcome">;
  /** Talk-API errors by status: an HTTP status ("429", "502"), "timeout" or "network". */
  talkErrors: Counter<"status">;
  messagesReceived: Counter<"channel">;
  messagesAnswered: Counter<"channel">;
  /** Messages by channel and outcome (accepted, duplicate, busy, answered, failed). */
  messagesByOutcome: Counter<"channel" | "outcome">;
  /** From receiving a message to handing its reply to the channel, by channel. */
  replyDuration: Histogram<"channel">;
  /** The queue's reporting hooks (structurally the TalkQueue's `metrics` option). */
  queue: {
    backlog(size: number): void;
    attempt(outcome: TalkOutcome, durationMs: number): void;
    running(count: number): void;
    rejected(): void;
  };
  received(channel: string): void;
  answered(channel: string): void;
  talkError(status: number | string): void;
  /** One message reached an outcome (the gateway reports every one). */
  message(channel: string, outcome: MessageOutcomeLabel): void;
  /** From receiving a message to handing its reply to the channel. */
  replyLatency(channel: string, ms: number): void;
}

export function createMetrics(options: CreateMetricsOptions = {}): ParleyMetrics {
  const prefix = options.prefix ?? "parley_";
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];

  const queueDepth = new Gauge({
    name: `${prefix}queue_depth`,
    help: "Messages accepted and not yet answered",
    registers,
  });
  const inFlight = new Gauge({ name: `${prefix}talk_in_flight`, help: "Talk-API calls running", registers });
  const retries = new Counter({
    name: `${prefix}talk_retries_total`,
    help: "Talk-API calls retried",
    registers,
  });
  const rejected = new Counter({
    name: `${prefix}queue_rejected_total`,
    help: "Messages refused because the backlog was full",
    registers,
  });
  const talkLatency = new Histogram({
    name: `${prefix}talk_duration_seconds`,
    help: "Duration of each talk-API attempt",
    labelNames: ["outcome"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const talkErrors = new Counter({
    name: `${prefix}talk_errors_total`,
    help: "Talk-API errors by status (HTTP status, timeout, network)",
    labelNames: ["status"] as const,
    registers,
  });
  const messagesReceived = new Counter({
    name: `${prefix}messages_received_total`,
    help: "Messages received, by channel",
    labelNames: ["channel"] as const,
    registers,
  });
  const messagesAnswered = new Counter({
    name: `${prefix}messages_answered_total`,
    help: "Messages answered, by channel",
    labelNames: ["channel"] as const,
    registers,
  });

  const messagesByOutcome = new Counter({
    name: `${prefix}messages_total`,
    help: "Messages by channel and outcome (accepted, duplicate, busy, answered, failed)",
    labelNames: ["channel", "outcome"] as const,
    registers,
  });
  const replyDuration = new Histogram({
    name: `${prefix}reply_duration_seconds`,
    help: "From receiving a message to handing its reply to the channel",
    labelNames: ["channel"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers,
  });

  const attempt = (outcome: TalkOutcome, durationMs: number) => {
    talkLatency.observe({ outcome: safeLabel(outcome) }, Math.max(0, durationMs) / 1000);
    if (outcome === "retry") retries.inc();
  };
  const talkError = (status: number | string) => talkErrors.inc({ status: safeLabel(String(status)) });

  return {
    registry,
    queueDepth,
    inFlight,
    retries,
    rejected,
    talkLatency,
    talkErrors,
    messagesReceived,
    messagesAnswered,
    messagesByOutcome,
    replyDuration,
    queue: {
      backlog: (size) => queueDepth.set(size),
      attempt,
      running: (count) => inFlight.set(count),
      rejected: () => rejected.inc(),
    },
    received: (channel) => messagesReceived.inc({ channel: safeLabel(channel) }),
    answered: (channel) => messagesAnswered.inc({ channel: safeLabel(channel) }),
    talkError,
    message: (channel, outcome) =>
      messagesByOutcome.inc({ channel: safeLabel(channel), outcome: safeLabel(outcome) }),
    replyLatency: (channel, ms) =>
      replyDuration.observe({ channel: safeLabel(channel) }, Math.max(0, ms) / 1000),
  };
}

/**
 * Label values must be short names from a small set ("slack", "429", "timeout"). Anything else
 * (an id, a token, free text) becomes "other", so a careless caller cannot leak it or explode cardinality.
 */
export function safeLabel(value: string): string {
  return /^[a-z][a-z0-9_-]{0,23}$|^[1-5]\d\d$/.test(value) ? value : "other";
}
