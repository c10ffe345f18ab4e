import type { BotData, Category } from "../compile/bot-data.js";
import { InvalidClientStateError } from "../errors.js";
import { Matcher } from "../match/matcher.js";
import type { Bot, ClientState, RespondOptions, RespondResult, StateDelta } from "../types.js";
import { Conversation } from "./conversation.js";
import { applyDelta } from "./state-delta.js";

export class AimlBot implements Bot {
  private vocabularySize = -1;

  /** Shared scratch matcher: respond() is synchronous, so one per bot suffices. */
  readonly matcher: Matcher<Category>;

  constructor(readonly data: BotData) {
    this.matcher = new Matcher<Category>(data.nullstar, data.limits.rememberedMatches);
  }

  get size(): number {
    return this.data.graph.count;
  }

  /** Distinct graph keys plus set members (Program AB's `<vocabulary/>`). */
  get vocabulary(): number {
    if (this.vocabularySize < 0) {
      const words = new Set<string>();
      this.data.graph.vocabulary(words);
      for (const set of this.data.sets.values()) for (const m of set.members) words.add(m);
      this.vocabularySize = words.size;
    }
    return this.vocabularySize;
  }

  newClientState(): ClientState {
    const predicates: Record<string, string> = { topic: "unknown" };
    for (const [k, v] of this.data.pdefaults) predicates[k] = v;
    return { version: 1, predicates, inputs: [], requests: [], responses: [], thats: [], learned: [] };
  }

  respond(state: ClientState, input: string, options: RespondOptions = {}): RespondResult {
    return new Conversation(this, normalizeState(state), options).respond(String(input ?? ""));
  }

  applyDelta(state: ClientState, delta: StateDelta): ClientState {
    return applyDelta(normalizeState(state), delta);
  }
}

/** Accepts states persisted by older versions or by hand: missing fields get defaults. */
function normalizeState(s: ClientState): ClientState {
  if (!s || typeof s !== "object" || Array.isArray(s))
    throw new InvalidClientStateError("state is not an object");
  if (s.predicates !== undefined && (typeof s.predicates !== "object" || s.predicates === null))
    throw new InvalidClientStateError("state.predicates is not an object");
  for (const k of ["inputs", "requests", "responses", "thats", "learned"] as const)
    if (s[k] !== undefined && !Array.isArray(s[k]))
      throw new InvalidClientStateError(`state.${k} is not an array`);
  s.version = 1;
  s.predicates ??= { topic: "unknown" };
  s.inputs ??= [];
  s.requests ??= [];
  s.responses ??= [];
  s.thats ??= [];
  s.learned ??= [];
  return s;
}
