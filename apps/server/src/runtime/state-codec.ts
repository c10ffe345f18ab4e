// Stores a client's state without the predicates that still hold the bot's default values: ALICE-like
// bots define ~100 pdefaults, which would otherwise be rewritten on every turn.
import type { ClientState, EngineBot } from "../engine/contract.js";

type WithPredicates = { version?: unknown; predicates?: Record<string, string> };

const defaultsCache = new WeakMap<EngineBot, Record<string, string>>();

function defaultsOf(bot: EngineBot): Record<string, string> {
  let defaults = defaultsCache.get(bot);
  if (!defaults) {
    defaults = (bot.newClientState() as WithPredicates | null)?.predicates ?? {};
    defaultsCache.set(bot, defaults);
  }
  return defaults;
}

export function encodeState(bot: EngineBot, state: ClientState): string {
  const typed = state as WithPredicates | null;
  if (!typed || typeof typed.predicates !== "object") return JSON.stringify(state);
  const defaults = defaultsOf(bot);
  const changed: Record<string, string> = {};
  for (const [name, value] of Object.entries(typed.predicates)) {
    if (defaults[name] !== value) changed[name] = value;
  }
  return JSON.stringify({ ...typed, predicates: changed });
}

export function decodeState(bot: EngineBot, stored: string): ClientState {
  const state = JSON.parse(stored) as WithPredicates | null;
  if (state && typeof state.predicates === "object") {
    state.predicates = { ...defaultsOf(bot), ...state.predicates };
  }
  return state;
}
