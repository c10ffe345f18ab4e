// The gateway: every channel's messages go receive -> dedupe -> queue (FIFO per person) ->
// ensure interlocutor -> backend -> parse -> channel.send.
import {
  describeTalkError,
  isRetryable,
  type Settled,
  TalkApiError,
  TalkQueue,
  type TalkQueueOptions,
  TalkTimeoutError,
} from "../queue/index.js";
import { parseReply } from "../reply/index.js";
import { interlocutorKeyString } from "../store/index.js";
import type {
  Address,
  AskResult,
  Channel,
  GatewayPort,
  HttpRoute,
  Inbound,
  Interlocutor,
  InterlocutorKey,
  InterlocutorStore,
  Logger,
  ReceiveOutcome,
  Reply,
  TalkBackend,
} from "../types/index.js";
import { DedupeCache } from "./dedupe.js";
import { DuplicateMessageError, GatewayClosedError, InvalidInboundError } from "./errors.js";
import type { GatewayMetrics, MessageOutcome } from "./metrics.js";
import { noopLogger } from "./noop-logger.js";
import { defaultApologyReply, defaultBusyReply, isEmptyReply, toReply } from "./replies.js";
import { TypingIndicator } from "./typing.js";
import { validateInbound } from "./validate.js";

export interface GatewayOptions {
  /** The bot's name: part of every interlocutor key, so one store can serve several bots. */
  bot: string;
  backend: TalkBackend;
  store: InterlocutorStore;
  /** The process's one TalkQueue (share it between gateways), or options to create one owned by this gateway. */
  queue?: TalkQueue | TalkQueueOptions;
  /** Channels to route replies to, by `name`; more can be added with `register`. */
  channels?: readonly Channel[];
  /** Turns the bot's raw responses into a Reply. Default: the core's `parseReply`. */
  parse?: (responses: string[]) => Reply;
  /** Sent when the backlog is full. */
  busyReply?: string | Reply;
  /** Sent when the talk API failed for good. */
  apologyReply?: string | Reply;
  /** How long a (channel, messageId) is remembered for dedupe. Default 10 minutes. */
  dedupeTtlMs?: number;
  /** Most (channel, messageId) pairs remembered. Default 100,000. */
  dedupeMaxEntries?: number;
  /** Typing indicator repeat period while waiting; 0 sends it once. Default 4 s. */
  typingIntervalMs?: number;
  logger?: Logger;
  metrics?: GatewayMetrics;
}

interface Answer {
  interlocutor: Interlocutor;
  responses: string[];
}

export class Gateway implements GatewayPort {
  readonly queue: TalkQueue;
  readonly #ownsQueue: boolean;
  readonly #bot: string;
  readonly #backend: TalkBackend;
  readonly #store: InterlocutorStore;
  readonly #channels = new Map<string, Channel>();
  readonly #parse: (responses: string[]) => Reply;
  readonly #busyReply: Reply;
  readonly #apologyReply: Reply;
  readonly #dedupe: DedupeCache<Promise<AskResult>>;
  readonly #typing: TypingIndicator;
  readonly #logger: Logger;
  readonly #metrics: GatewayMetrics;
  #pending = 0;
  #idleWaiters: (() => void)[] = [];
  #closing = false;
  #started = false;

  constructor(options: GatewayOptions) {
    if (!options.bot) throw new TypeError("Gateway needs the bot's name (option `bot`)");
    this.#bot = options.bot;
    this.#backend = options.backend;
    this.#store = options.store;
    this.#ownsQueue = !(options.queue instanceof TalkQueue);
    this.#logger = options.logger ?? noopLogger;
    this.queue =
      options.queue instanceof TalkQueue
        ? options.queue
        : new TalkQueue({ logger: this.#logger, metrics: options.metrics?.queue, ...options.queue });
    this.#parse = options.parse ?? parseReply;
    this.#busyReply = toReply(options.busyReply ?? defaultBusyReply);
    this.#apologyReply = toReply(options.apologyReply ?? defaultApologyReply);
    this.#dedupe = new DedupeCache(options.dedupeTtlMs ?? 600_000, options.dedupeMaxEntries ?? 100_000);
    this.#typing = new TypingIndicator(options.typingIntervalMs ?? 4_000, this.#logger);
    this.#metrics = options.metrics ?? {};
    for (const channel of options.channels ?? []) this.register(channel);
  }

  /** Adds a channel; replies to messages whose `inbound.channel` equals its name go to it. */
  register(channel: Channel): this {
    if (this.#channels.has(channel.name))
      throw new TypeError(`Channel "${channel.name}" is already registered`);
    this.#channels.set(channel.name, channel);
    if (this.#started) {
      channel.start(this).catch((err: unknown) => {
        this.#logger.error({ channel: channel.name, err }, "channel registered after start failed to start");
      });
    }
    return this;
  }

  get channels(): ReadonlyMap<string, Channel> {
    return this.#channels;
  }

  /** Every registered channel's HTTP routes, for the one listener. */
  get routes(): HttpRoute[] {
    return [...this.#channels.values()].flatMap((channel) => [...(channel.routes ?? [])]);
  }

  /** Starts every registered channel (they begin handing messages to this gateway). */
  async start(): Promise<void> {
    this.#started = true;
    await Promise.all([...this.#channels.values()].map((channel) => channel.start(this)));
  }

  /**
   * Refuses new messages, finishes every accepted one (answer delivered, retries included), then
   * stops the channels. The store is the caller's to close afterwards. With `timeoutMs`, gives up
   * waiting after that long (e.g. within a container's stop grace period) and logs what was left.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#closing = true;
    const drained = await this.#waitIdle(options.timeoutMs);
    if (!drained) {
      this.#logger.warn(
        { unfinished: this.#pending, timeoutMs: options.timeoutMs },
        "gateway stop: gave up waiting for accepted messages",
      );
    } else if (this.#ownsQueue) {
      await this.queue.close();
    }
    const results = await Promise.allSettled([...this.#channels.values()].map((channel) => channel.stop()));
    for (const [index, result] of results.entries()) {
      if (result.status === "rejected") {
        const name = [...this.#channels.keys()][index];
        this.#logger.error({ channel: name, err: result.reason }, "channel failed to stop cleanly");
      }
    }
  }

  async receive(inbound: Inbound): Promise<ReceiveOutcome> {
    validateInbound(inbound);
    if (this.#closing) throw new GatewayClosedError();
    const channel = this.#channels.get(inbound.channel);
    if (!channel) {
      throw new InvalidInboundError(
        `No channel named "${inbound.channel}" is registered (have: ${[...this.#channels.keys()].join(", ") || "none"})`,
      );
    }
    const started = performance.now();
    if (this.#dedupe.check(dedupeKey(inbound))) {
      this.#count(inbound.channel, "duplicate");
      return { status: "duplicate" };
    }
    const to = addressOf(inbound);
    if (!this.queue.hasRoom) {
      this.#count(inbound.channel, "busy");
      this.#logger.warn(
        { channel: inbound.channel, backlog: this.queue.backlog },
        "talk queue full; sent busy reply",
      );
      this.#track(this.#send(channel, to, this.#busyReply, undefined));
      return { status: "busy" };
    }
    this.#count(inbound.channel, "accepted");
    const stopTyping = this.#typing.start(channel, to);
    const key = this.#keyOf(inbound);
    let interlocutorId: string | undefined;
    const deliver = async (outcome: Settled<Answer>) => {
      stopTyping();
      const reply = outcome.ok ? this.#safeParse(outcome.value) : undefined;
      if (reply) {
        this.#count(inbound.channel, "answered");
        if (!isEmptyReply(reply)) await this.#send(channel, to, reply, interlocutorId);
      } else if (outcome.ok) {
        this.#count(inbound.channel, "failed");
        await this.#send(channel, to, this.#apologyReply, interlocutorId);
      } else {
        this.#count(inbound.channel, "failed");
        this.#logFailure(inbound, interlocutorId, outcome.error);
        await this.#send(channel, to, this.#apologyReply, interlocutorId);
      }
      this.#metrics.replyLatency?.(inbound.channel, performance.now() - started);
    };
    const work = this.queue.submit(
      interlocutorKeyString(key),
      async ({ signal }) => {
        const answer = await this.#talk(key, inbound, signal, (id) => {
          interlocutorId = id;
        });
        return answer;
      },
      { deliver, label: `${inbound.channel}/${inbound.messageId}` },
    );
    // Outcomes are delivered (reply or apology) by `deliver`; nothing is left to handle here.
    this.#track(work.then(noop, noop));
    return { status: "accepted" };
  }

  async ask(inbound: Inbound): Promise<AskResult> {
    validateInbound(inbound);
    if (this.#closing) throw new GatewayClosedError();
    const started = performance.now();
    const dk = dedupeKey(inbound);
    const seen = this.#dedupe.check(dk);
    if (seen) {
      this.#count(inbound.channel, "duplicate");
      // The same question asked again (a client retry) gets the same answer.
      if (seen.value) return seen.value;
      throw new DuplicateMessageError(inbound.channel, inbound.messageId);
    }
    const key = this.#keyOf(inbound);
    if (!this.queue.hasRoom) {
      this.#count(inbound.channel, "busy");
      this.#logger.warn(
        { channel: inbound.channel, backlog: this.queue.backlog },
        "talk queue full; sent busy reply",
      );
      const interlocutor = await this.#store.ensure(key);
      return { interlocutor: summary(interlocutor), reply: this.#busyReply };
    }
    this.#count(inbound.channel, "accepted");
    let interlocutorId: string | undefined;
    const work = this.queue.submit(
      interlocutorKeyString(key),
      ({ signal }) =>
        this.#talk(key, inbound, signal, (id) => {
          interlocutorId = id;
        }),
      { label: `${inbound.channel}/${inbound.messageId}` },
    );
    const answer = work.then(
      (value): AskResult => {
        const reply = this.#safeParse(value);
        this.#count(inbound.channel, reply ? "answered" : "failed");
        this.#metrics.replyLatency?.(inbound.channel, performance.now() - started);
        return { interlocutor: summary(value.interlocutor), reply: reply ?? this.#apologyReply };
      },
      async (error: unknown): Promise<AskResult> => {
        this.#count(inbound.channel, "failed");
        this.#logFailure(inbound, interlocutorId, error);
        const interlocutor = await this.#store.ensure(key);
        return { interlocutor: summary(interlocutor), reply: this.#apologyReply };
      },
    );
    this.#dedupe.attach(dk, answer);
    this.#track(answer.then(noop, noop));
    return answer;
  }

  // One attempt: runs inside the queue, so calls for one person never overlap and each sees the
  // client name / session the previous call stored (one atalk per new person).
  async #talk(
    key: InterlocutorKey,
    inbound: Inbound,
    signal: AbortSignal,
    identified: (id: string) => void,
  ): Promise<Answer> {
    const interlocutor = await this.#store.ensure(key);
    identified(interlocutor.id);
    let result: Awaited<ReturnType<TalkBackend["talk"]>>;
    try {
      result = await this.#backend.talk({
        interlocutor,
        input: inbound.text,
        ...(inbound.resetSession ? { reset: true } : {}),
        signal,
      });
    } catch (err) {
      this.#metrics.talkError?.(errorStatus(err));
      throw err;
    }
    const patch = { ...result.interlocutor, lastSeenAt: Date.now() };
    await this.#store.update(interlocutor.id, patch);
    return { interlocutor: { ...interlocutor, ...patch }, responses: result.responses };
  }

  /** The parsed reply, or undefined (logged) when the parser or the backend's output is broken. */
  #safeParse(answer: Answer): Reply | undefined {
    try {
      return this.#parse(answer.responses);
    } catch (err) {
      this.#logger.error(
        { interlocutorId: answer.interlocutor.id, backend: this.#backend.name, err },
        `could not parse the bot's answer for interlocutor ${answer.interlocutor.id}; sent the apology`,
      );
      return undefined;
    }
  }

  async #send(
    channel: Channel,
    to: Address,
    reply: Reply,
    interlocutorId: string | undefined,
  ): Promise<void> {
    try {
      await channel.send(to, reply);
    } catch (err) {
      this.#logger.error(
        { channel: channel.name, interlocutorId, conversationId: to.conversationId, err },
        "channel failed to send a reply",
      );
    }
  }

  #logFailure(inbound: Inbound, interlocutorId: string | undefined, error: unknown): void {
    this.#logger.error(
      {
        interlocutorId,
        channel: inbound.channel,
        messageId: inbound.messageId,
        backend: this.#backend.name,
        error: describeTalkError(error),
      },
      `talk API failed for good for interlocutor ${interlocutorId ?? "(not yet identified)"}; sent the apology`,
    );
  }

  #keyOf(inbound: Inbound): InterlocutorKey {
    return { bot: this.#bot, channel: inbound.channel, userId: inbound.userId };
  }

  #count(channel: string, outcome: MessageOutcome): void {
    this.#metrics.message?.(channel, outcome);
    if (outcome === "accepted") this.#metrics.received?.(channel);
    else if (outcome === "answered") this.#metrics.answered?.(channel);
  }

  #track(work: Promise<void>): void {
    this.#pending++;
    void work.finally(() => {
      if (--this.#pending === 0) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const wake of waiters) wake();
      }
    });
  }

  /** Resolves true once nothing accepted is left, or false after `timeoutMs`. */
  #waitIdle(timeoutMs?: number): Promise<boolean> {
    if (this.#pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => resolve(false), timeoutMs);
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export function createGateway(options: GatewayOptions): Gateway {
  return new Gateway(options);
}

function dedupeKey(inbound: Inbound): string {
  return `${inbound.channel}\u0000${inbound.messageId}`;
}

function addressOf(inbound: Inbound): Address {
  const to: Address = { channel: inbound.channel, conversationId: inbound.conversationId };
  to.replyTo = inbound.replyTo ?? inbound.messageId;
  if (inbound.meta) to.meta = inbound.meta;
  return to;
}

function errorStatus(err: unknown): number | string {
  if (err instanceof TalkApiError) return err.status;
  if (err instanceof TalkTimeoutError || (err instanceof Error && err.name === "AbortError"))
    return "timeout";
  return isRetryable(err) ? "network" : "error";
}

function summary(interlocutor: Interlocutor): AskResult["interlocutor"] {
  return { id: interlocutor.id, clientName: interlocutor.clientName };
}

const noop = () => {};
