import type { Category } from "../compile/bot-data.js";
import type { Graphmaster } from "../match/graphmaster.js";
import { compareSignatures, type MatchResult } from "../match/matcher.js";
import type { AimlBot } from "./aiml-bot.js";

/**
 * Matches `input <THAT> that <TOPIC> topic`. With learned categories, both graphs are searched and the path
 * Program AB's search would reach first in one merged graph wins; on the very same path the learned
 * category wins, as a later definition replaces an earlier one in Program AB.
 */
export function matchPath(
  bot: AimlBot,
  learned: Graphmaster<Category> | null,
  input: string,
  that: string,
  topic: string,
): MatchResult<Category> | null {
  const matcher = bot.matcher;
  matcher.load(input, that, topic);
  if (!learned) return matcher.match(bot.data.graph, false, true);
  const fromBot = matcher.match(bot.data.graph, true, true);
  const fromLearned = matcher.match(learned, true);
  if (!fromBot || !fromLearned) return fromLearned ?? fromBot;
  return compareSignatures(fromBot.signature ?? [], fromLearned.signature ?? []) < 0 ? fromBot : fromLearned;
}
