// <sraix bot="..."> reaches other bots of the same app on this server, and nothing else.
import type { EngineRespondOptions } from "../engine/contract.js";
import type { BotStore } from "../storage/bot-store.js";
import type { BotRegistry } from "./bot-registry.js";

export type SraixHandler = NonNullable<EngineRespondOptions["sraix"]>;

/**
 * The target answers with a fresh state and without sraix of its own, so bots cannot loop through
 * each other or read another bot's clients.
 */
export function sameServerSraix(
  appId: string,
  bots: BotStore,
  registry: BotRegistry,
  now: () => Date,
): SraixHandler {
  return (request) => {
    // Pandorabots writes the target as "app/botname"; a bare botname works too.
    const name = request.bot?.split("/").pop();
    if (!name) return undefined;
    const row = bots.find(appId, name);
    if (!row) return undefined;
    try {
      const bot = registry.serving(row, { recent: true, reload: false });
      const answer = bot.respond(bot.newClientState(), request.input, { now }).responses.join(" ").trim();
      return answer === "" ? undefined : answer;
    } catch {
      return undefined;
    }
  };
}
