// Stores a client's state without the predicates that still hold the bot's default values (ALICE-like
// bots define ~100 pdefaults, which would otherwise be rewritten on every turn), and without
// rewriting learned categories that were already stored.
import type { ClientState, EngineBot } from "../engine/contract.js";
import type { LearnedWrite } from "../storage/conversation-store.js";

type WithPredicates = { version?: unknown; predicates?: Record<string, string>; learned?: unknown };

const defaultsCache = new WeakMap<EngineBot, Record<string, string>>();

/**
 * How many categories of a learned array are already stored. Like the interpreter's own learned-graph
 * cache, this relies on the array being append-only while it is the same array (forgetting builds a
 * new one), so a grown array needs only its new categories written.
 */
const storedCount = new WeakMap<unknown[], number>();

function defaultsOf(bot: EngineBot): Record<string, string> {
  let defaults = defaultsCache.get(bot);
  if (!defaults) {
    defaults = (bot.newClientState() as WithPredicates | null)?.predicates ?? {};
    defaultsCache.set(bot, defaults);
  }
  return defaults;
}

/** A state ready for SQLite: `learned` is set only when learned categories must be written. */
export interface EncodedState {
  state: string;
  learned?: LearnedWrite;
}

/**
 * Learned categories live in rows of their own, and a snapshot writes only those learned since the
 * last one. An alice2 client under load learns a category every few turns; rewriting all of them
 * (28 KB after 600 turns) in every snapshot made the snapshot commits the slowest of all.
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
  const stored = storedCount.get(learned);
  if (stored === learned.length) return encoded;
  const from = stored !== undefined && stored > 0 && stored < learned.length ? stored : 0;
  encoded.learned = { from, json: JSON.stringify(from === 0 ? learned : learned.slice(from)) };
  storedCount.set(learned, learned.length);
  return encoded;
}

/**
 * `learned` is the JSON array of the separately stored categories, if any (states written before
 * the split embed them).
 */
export function decodeState(bot: EngineBot, stored: string, learned?: string | null): ClientState {
  const state = JSON.parse(stored) as WithPredicates | null;
  if (state && typeof state.predicates === "object") {
    state.predicates = { ...defaultsOf(bot), ...state.predicates };
  }
  if (state && learned != null) {
    const categories = JSON.parse(learned) as unknown[];
    state.learned = categories;
    // Just read from SQLite: nothing to write until it grows.
    storedCount.set(categories, categories.length);
  }
  return state;
}
