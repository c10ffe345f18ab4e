import type { Category } from "../compile/bot-data.js";
import type { Graphmaster, MatchResult } from "../match/graphmaster.js";
import type { AimlBot } from "./aiml-bot.js";

/**
 * Matches `input <THAT> that <TOPIC> topic`. The client's learned categories are tried first: they are the
 * most recent definitions, and Program AB lets a later definition replace an earlier one.
 */
export function matchPath(
  bot: AimlBot,
  learned: Graphmaster<Category> | null,
  input: string,
  that: string,
  topic: string,
): MatchResult<Category> | null {
  const tokens = `${input.trim()} <THAT> ${that.trim()} <TOPIC> ${topic.trim()}`.trim().split(" ");
  if (learned) {
    const r = bot.matcher.match(learned, tokens);
    if (r) return r;
  }
  return bot.matcher.match(bot.data.graph, tokens);
}
