// In-test implementations of the contracts the gateway talks to. Excluded from the build.
import { sinkLogger } from "../../observability/sink-logger.js";
import type {
  Address,
  Channel,
  GatewayPort,
  Interlocutor,
  Logger,
  Reply,
  TalkBackend,
  TalkRequest,
  TalkResult,
} from "../../types/index.js";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A channel that records what it was asked to send. */
export class RecordingChannel implements Channel {
  readonly sent: { to: Address; reply: Reply }[] = [];
  readonly typed: Address[] = [];
  started = false;
  stopped = false;
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly name = "test") {}

  async start(_gateway: GatewayPort): Promise<void> {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  async send(to: Address, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
    const ready = this.#waiters.filter((w) => this.sent.length >= w.count);
    this.#waiters = this.#waiters.filter((w) => this.sent.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }
  async typing(to: Address): Promise<void> {
    this.typed.push(to);
  }
  /** Resolves once `count` replies were sent. */
  waitForSent(count: number): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
  /** Texts of every reply sent to a conversation, in order. */
  textsTo(conversationId: string): string[] {
    return this.sent.filter((s) => s.to.conversationId === conversationId).map((s) => textOf(s.reply));
  }
}

export function textOf(reply: Reply): string {
  return reply.messages
    .flat()
    .map((part) => ("text" in part ? part.text : ""))
    .join(" ");
}

export interface RecordedCall {
  interlocutor: Interlocutor;
  input: string;
  startedAt: number;
  endedAt?: number;
}

/**
 * Behaves like the Pandorabots backend as far as the gateway can tell: a person without a client
 * name gets one from an "atalk" call; later calls reuse it. `behaviour` may throw or delay.
 */
export class FakeBackend implements TalkBackend {
  readonly name = "fake";
  readonly calls: RecordedCall[] = [];
  atalks = 0;
  running = 0;
  maxRunning = 0;

  constructor(
    private readonly behaviour: (req: TalkRequest, callIndex: number) => Promise<void> | void = () => {},
  ) {}

  async talk(req: TalkRequest): Promise<TalkResult> {
    const call: RecordedCall = {
      interlocutor: req.interlocutor,
      input: req.input,
      startedAt: performance.now(),
    };
    const index = this.calls.push(call) - 1;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await this.behaviour(req, index);
      const result: TalkResult = { responses: [`echo: ${req.input}`] };
      if (req.interlocutor.clientName === null) {
        result.interlocutor = { clientName: `aiaas-1-user-${String(this.atalks++).padStart(4, "0")}` };
      }
      return result;
    } finally {
      this.running--;
      call.endedAt = performance.now();
    }
  }
}

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  obj: Record<string, unknown>;
  msg: string;
}

/** A Logger that keeps its lines for assertions. */
export function memoryLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const logger = sinkLogger((level, obj, msg) =>
    entries.push({ level, obj: obj as Record<string, unknown>, msg: msg ?? "" }),
  );
  return Object.assign(logger, { entries });
}

let counter = 0;
/** A fresh inbound message; ids are unique unless given. */
export function inbound(
  userId: string,
  text: string,
  extra: Partial<import("../../types/index.js").Inbound> = {},
) {
  counter++;
  return {
    channel: "test",
    userId,
    conversationId: `conv-${userId}`,
    messageId: `m${counter}`,
    text,
    ...extra,
  };
}
