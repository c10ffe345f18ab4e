// Stores a client's state without the predicates that still hold the bot's default values (ALICE-like
// bots define ~100 pdefaults, which would otherwise be rewritten on every turn), and without
// re-encoding learned categories that were already encoded.
import type { ClientState, EngineBot } from "../engine/contract.js";

type WithPredicates = { version?: unknown; predicates?: Record<string, string>; learned?: unknown };

const defaultsCache = new WeakMap<EngineBot, Record<string, string>>();

/**
 * JSON of a learned-categories array as last stored, extended as it grows. Like the interpreter's own
 * learned-graph cache, this relies on the array being append-only while it is the same array
 * (forgetting builds a new one). An array whose length still matches needs no rewrite.
 */
const learnedJson = new WeakMap<unknown[], { count: number; json: string }>();

function defaultsOf(bot: EngineBot): Record<string, string> {
  let defaults = defaultsCache.get(bot);
  if (!defaults) {
    defaults = (bot.newClientState() as WithPredicates | null)?.predicates ?? {};
    defaultsCache.set(bot, defaults);
  }
  return defaults;
}

function encodeLearned(learned: unknown[]): string {
  const memo = learnedJson.get(learned);
  let json: string;
  if (memo && memo.count < learned.length && memo.count > 0) {
    const added = JSON.stringify(learned.slice(memo.count));
    json = `${memo.json.slice(0, -1)},${added.slice(1)}`;
  } else {
    json = JSON.stringify(learned);
  }
  learnedJson.set(learned, { count: learned.length, json });
  return json;
}

/** A state ready for SQLite: `learned` is set only when the learned categories must be (re)written. */
export interface EncodedState {
  state: string;
  learned?: string;
}

/**
 * Learned categories live in their own row, written only when they change: for a bot that uses
 * <learn> they were the largest part of the state (2.8 of 6.7 KB on alice2), rewritten every turn.
 */
export function encodeState(bot: EngineBot, state: ClientState): EncodedState {
  const typed = state as WithPredicates | null;
  if (!typed || typeof typed.predicates !== "object") return { state: JSON.stringify(state) };
  const defaults = defaultsOf(bot);
  const changed: Record<string, string> = {};
  for (const name in typed.predicates) {
    const value = typed.predicates[name] as string;
    if (defaults[name] !== value) changed[name] = value;
  }
  const learned = typed.learned;
  if (!Array.isArray(learned)) return { state: JSON.stringify({ ...typed, predicates: changed }) };
  const encoded: EncodedState = {
    state: JSON.stringify({ ...typed, predicates: changed, learned: undefined }),
  };
  if (learnedJson.get(learned)?.count !== learned.length) encoded.learned = encodeLearned(learned);
  return encoded;
}

/** `learned` is the separately stored categories, if any (states written before the split embed them). */
export function decodeState(bot: EngineBot, stored: string, learned?: string | null): ClientState {
  const state = JSON.parse(stored) as WithPredicates | null;
  if (state && typeof state.predicates === "object") {
    state.predicates = { ...defaultsOf(bot), ...state.predicates };
  }
  if (state && learned != null) {
    const categories = JSON.parse(learned) as unknown[];
    state.learned = categories;
    // Just read from SQLite: nothing to rewrite until it grows.
    learnedJson.set(categories, { count: categories.length, json: learned });
  }
  return state;
}
