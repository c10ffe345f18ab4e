// One talk/atalk turn: pick the client, restore its state, answer, persist everything in one transaction.
import { anonymousClientName } from "../domain/names.js";
import type { ClientState, EngineBot, ExtraItem, TraceItem } from "../engine/contract.js";
import { BadRequestError, PlanLimitError, RateLimitedError } from "../http/errors.js";
import type { BotRow, BotStore } from "../storage/bot-store.js";
import type { ConversationStore } from "../storage/conversation-store.js";
import type { TurnWriter } from "../storage/turn-writer.js";
import type { BotRegistry } from "./bot-registry.js";
import type { KeyedMutex } from "./keyed-mutex.js";
import type { MinuteRateLimiter } from "./rate-limiter.js";
import { sameServerSraix } from "./sraix-bridge.js";
import type { CachedState, StateCache } from "./state-cache.js";
import { decodeState, encodeState } from "./state-codec.js";

export interface TalkParams {
  input: string;
  clientName?: string;
  sessionId?: number;
  that?: string;
  topic?: string;
  extra: boolean;
  trace: boolean;
  reset: boolean;
  recent: boolean;
  reload: boolean;
}

export interface TalkReply {
  status: "ok";
  responses: string[];
  sessionid: number;
  client_name?: string;
  extra?: ExtraItem[];
  trace?: TraceItem[];
}

/** Storage key of the application's own client (talk without client_name); never a valid client_name. */
const APP_CLIENT = "";

export interface TalkServiceDeps {
  registry: BotRegistry;
  bots: BotStore;
  conversations: ConversationStore;
  writer: TurnWriter;
  states: StateCache;
  mutex: KeyedMutex;
  limiter: MinuteRateLimiter;
  clock: () => number;
  sessionIdleMs: number;
  talkPerMinute: number;
  maxAnonymousClients: number;
}

export class TalkService {
  constructor(private readonly deps: TalkServiceDeps) {}

  async talk(appId: string, bot: BotRow, params: TalkParams, anonymous: boolean): Promise<TalkReply> {
    const { deps } = this;
    const decision = deps.limiter.take(appId);
    if (!decision.allowed) {
      throw new RateLimitedError(
        `Plan limit reached: ${deps.talkPerMinute} talk calls per minute`,
        decision.retryAfterSeconds,
      );
    }
    const engineBot = deps.registry.serving(bot, { recent: params.recent, reload: params.reload });

    let clientName = params.clientName ?? APP_CLIENT;
    let issued: string | undefined;
    let persistent = false;
    if (anonymous && params.clientName === undefined) {
      if (
        deps.maxAnonymousClients > 0 &&
        deps.conversations.anonymousClientCount(appId) >= deps.maxAnonymousClients
      ) {
        throw new PlanLimitError("Plan limit reached: maximum number of anonymous clients");
      }
      issued = deps.conversations.issueAnonymousClient(
        appId,
        (n) => anonymousClientName(appId, n),
        deps.clock(),
      );
      clientName = issued;
      persistent = true;
    } else if (params.clientName !== undefined) {
      persistent = deps.conversations.isAnonymousClient(appId, params.clientName);
      if (anonymous && !persistent) throw new BadRequestError("Unknown client_name: atalk did not issue it");
    }

    // The botkey is unique per bot ever created, unlike a row id SQLite may reuse after a delete.
    const key = `${bot.botkey}\u0000${clientName}`;
    return deps.mutex.run(key, async () => {
      const now = deps.clock();
      const stored = this.load(key, bot.id, clientName, engineBot);
      const idle = stored !== undefined && now - stored.lastActiveAt > deps.sessionIdleMs;
      // Predicates of a client atalk never issued live only through an active conversation.
      const fresh = stored === undefined || params.reset || (idle && !persistent);
      const state = fresh || !stored ? this.freshState(engineBot, bot.id, clientName) : stored.state;

      // respond() may mutate the state in place: if it or the commit fails, the next turn rereads SQLite.
      deps.states.delete(key);
      const sessionId = this.sessionFor(appId, bot.id, clientName, params.sessionId, now);
      const result = engineBot.respond(state, params.input, {
        extra: params.extra,
        // Trace is refused with client_name, as Pandorabots does, so one user cannot inspect another's state.
        trace: params.trace && params.clientName === undefined,
        that: params.that,
        topic: params.topic,
        now: () => new Date(deps.clock()),
        sraix: sameServerSraix(appId, deps.bots, deps.registry, () => new Date(deps.clock())),
        onLearnf: (category) => deps.conversations.saveLearnf(bot.id, clientName, category, now),
        onResetLearnf: () => deps.conversations.resetLearnf(bot.id, clientName),
      });
      // The client's lock is held until the commit, so its next request reads this state.
      await deps.writer.write({
        appId,
        botId: bot.id,
        clientName,
        sessionId,
        state: encodeState(engineBot, result.state),
        input: params.input,
        responses: result.responses,
        now,
      });
      deps.states.set(key, { state: result.state, lastActiveAt: now });
      const reply: TalkReply = { status: "ok", responses: result.responses, sessionid: sessionId };
      if (issued !== undefined) reply.client_name = issued;
      if (params.extra && result.extra) reply.extra = result.extra;
      if (result.trace && params.trace && params.clientName === undefined) reply.trace = result.trace;
      return reply;
    });
  }

  private load(
    key: string,
    botId: number,
    clientName: string,
    engineBot: EngineBot,
  ): CachedState | undefined {
    const cached = this.deps.states.get(key);
    if (cached) return cached;
    const row = this.deps.conversations.clientState(botId, clientName);
    return row && { state: decodeState(engineBot, row.state), lastActiveAt: row.last_active_at };
  }

  /** A new conversation that still knows what this client taught the bot with learnf. */
  private freshState(engineBot: EngineBot, botId: number, clientName: string): ClientState {
    const state = engineBot.newClientState();
    const learned = (state as { learned?: unknown[] } | null)?.learned;
    if (Array.isArray(learned)) learned.push(...this.deps.conversations.learnfCategories(botId, clientName));
    return state;
  }

  /** Keeps the caller's session while it is active and theirs; otherwise issues the next id. */
  private sessionFor(
    appId: string,
    botId: number,
    clientName: string,
    requested: number | undefined,
    now: number,
  ) {
    if (requested !== undefined) {
      const session = this.deps.conversations.session(appId, requested);
      if (
        session &&
        session.bot_id === botId &&
        session.client_name === clientName &&
        now - session.last_active_at <= this.deps.sessionIdleMs
      ) {
        return requested;
      }
    }
    return this.deps.conversations.nextSessionId(appId);
  }
}
