import type { Bot, BotSource, ClientState, CompileOptions, CompileResult } from "../types.js";

/** Placeholder until the compiler lands: a bot that answers the default response. Never throws. */
export function compileBot(source: BotSource, options: CompileOptions = {}): CompileResult {
  const answer = options.defaultResponse ?? "I have no answer for that.";
  const pdefaults = source.pdefaults ?? [];
  const bot: Bot = {
    size: 1,
    newClientState(): ClientState {
      return {
        version: 1,
        predicates: Object.fromEntries(pdefaults),
        inputs: [],
        requests: [],
        responses: [],
        thats: [],
        learned: [],
      };
    },
    respond(state, input) {
      return { responses: [answer], state: { ...state, requests: [...state.requests, input] } };
    },
  };
  return { bot, errors: [], warnings: [] };
}
