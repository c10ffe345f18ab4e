// Runs turns in this thread: restore the client's state, answer, persist everything in one transaction.
import type { Logger, SerialLanes } from "@parley/core";
import type { ClientState, EngineBot } from "../engine/contract.js";
import type { BotRegistry, VerifyOutcome } from "../runtime/bot-registry.js";
import { sameServerSraix } from "../runtime/sraix-bridge.js";
import type { CachedState, StateCache } from "../runtime/state-cache.js";
import { restoreClient, stateWrite } from "../runtime/state-journal.js";
import type { BotStore } from "../storage/bot-store.js";
import type { ConversationStore, LearnfChange } from "../storage/conversation-store.js";
import type { TurnWrites } from "../storage/turn-writer.js";
import { clientKey, type TurnRequest, type TurnResult, type TurnRunner } from "./turn.js";

export interface LocalTurnRunnerDeps {
  registry: BotRegistry;
  bots: BotStore;
  conversations: ConversationStore;
  writer: TurnWrites;
  states: StateCache;
  /** One lane per client: its turns run one at a time. */
  lanes: SerialLanes;
  logger: Logger;
}

export class LocalTurnRunner implements TurnRunner {
  constructor(private readonly deps: LocalTurnRunnerDeps) {}

  run(turn: TurnRequest): Promise<TurnResult> {
    const { deps } = this;
    const key = clientKey(turn);
    return deps.lanes.run(key, async () => {
      const engineBot = await deps.registry.load(turn.botId, turn.versionId, turn.reload);
      const stored = this.load(key, turn, engineBot);
      const idle = stored !== undefined && turn.now - stored.lastActiveAt > turn.sessionIdleMs;
      // Predicates of a client atalk never issued live only through an active conversation.
      const fresh = stored === undefined || turn.reset || (idle && !turn.persistent);
      const state = fresh || !stored ? this.freshState(engineBot, turn) : stored.state;

      // respond() may mutate the state in place: if it or the commit fails, the next turn rereads SQLite.
      deps.states.delete(key);
      const learnf: LearnfChange[] = [];
      const now = () => new Date(turn.now);
      const result = engineBot.respond(state, turn.input, {
        extra: turn.extra,
        trace: turn.trace,
        that: turn.that,
        topic: turn.topic,
        now,
        sraix: sameServerSraix(turn.appId, deps.bots, deps.registry, now),
        onLearnf: (category) => learnf.push({ category }),
        onResetLearnf: () => learnf.push({ reset: true }),
      });
      const { write, journal } = stateWrite(engineBot, result, fresh ? undefined : stored, turn.clientName);
      // The client's lock is held until the commit, so its next turn reads this state.
      await deps.writer.write({
        appId: turn.appId,
        botId: turn.botId,
        clientName: turn.clientName,
        sessionId: turn.sessionId,
        state: write,
        input: turn.input,
        responses: result.responses,
        learnf,
        now: turn.now,
      });
      deps.states.set(key, { state: result.state, lastActiveAt: turn.now, journal });
      const reply: TurnResult = { responses: result.responses };
      if (turn.extra && result.extra) reply.extra = result.extra;
      if (turn.trace && result.trace) reply.trace = result.trace;
      return reply;
    });
  }

  async verify(botId: number): Promise<VerifyOutcome> {
    return this.deps.registry.verify(botId);
  }

  preload(botId: number, versionId: number): void {
    this.deps.registry.load(botId, versionId).catch((error: unknown) => {
      this.deps.logger.warn({ botId, err: error }, "could not preload the bot's new version");
    });
  }

  forget(botId: number): void {
    this.deps.registry.forget(botId);
  }

  async warm(versions: Array<{ botId: number; versionId: number }>): Promise<number> {
    return this.deps.registry.warm(versions);
  }

  async close(): Promise<void> {
    await this.deps.lanes.idle();
  }

  private load(key: string, turn: TurnRequest, engineBot: EngineBot): CachedState | undefined {
    const cached = this.deps.states.get(key);
    if (cached) return cached;
    const stored = this.deps.conversations.storedClient(turn.botId, turn.clientName);
    return stored && restoreClient(engineBot, stored);
  }

  /** A new conversation that still knows what this client taught the bot with learnf. */
  private freshState(engineBot: EngineBot, turn: TurnRequest): ClientState {
    const state = engineBot.newClientState();
    const learned = (state as { learned?: unknown[] } | null)?.learned;
    if (Array.isArray(learned)) {
      learned.push(...this.deps.conversations.learnfCategories(turn.botId, turn.clientName));
    }
    return state;
  }
}
