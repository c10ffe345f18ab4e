// talk/atalk on the HTTP side: plan limits, which bot version and client, which session; the turn
// itself (state, interpreter, commit) goes to the TurnRunner, in this thread or a worker's.
import { anonymousClientName } from "../domain/names.js";
import type { ExtraItem, TraceItem } from "../engine/contract.js";
import { BadRequestError, PlanLimitError, RateLimitedError } from "../http/errors.js";
import type { BotRow } from "../storage/bot-store.js";
import type { ConversationStore } from "../storage/conversation-store.js";
import type { TurnRunner } from "../turns/turn.js";
import { servingVersionId } from "./bot-registry.js";
import type { MinuteRateLimiter } from "./rate-limiter.js";

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
  conversations: ConversationStore;
  runner: TurnRunner;
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
    const versionId = servingVersionId(bot, { recent: params.recent });

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

    const now = deps.clock();
    const sessionId = this.sessionFor(appId, bot.id, clientName, params.sessionId, now);
    const result = await deps.runner.run({
      appId,
      botId: bot.id,
      botkey: bot.botkey,
      versionId,
      reload: params.reload,
      clientName,
      persistent,
      sessionId,
      input: params.input,
      that: params.that,
      topic: params.topic,
      extra: params.extra,
      // Trace is refused with client_name, as Pandorabots does, so one user cannot inspect another's state.
      trace: params.trace && params.clientName === undefined,
      reset: params.reset,
      now,
      sessionIdleMs: deps.sessionIdleMs,
    });
    const reply: TalkReply = { status: "ok", responses: result.responses, sessionid: sessionId };
    if (issued !== undefined) reply.client_name = issued;
    if (result.extra) reply.extra = result.extra;
    if (result.trace) reply.trace = result.trace;
    return reply;
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
