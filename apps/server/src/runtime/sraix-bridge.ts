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
    const name = targetName(appId, request.bot);
    if (!name) return undefined;
    const row = bots.find(appId, name);
    if (!row) return undefined;
    try {
      // Same rule as talk without recent=true: a bot whose last verify failed is "not compiled"
      // (412 to talk), so sraix to it is unreachable and the caller falls back to its default.
      const bot = registry.serving(row, { recent: false, reload: false });
      const answer = bot.respond(bot.newClientState(), request.input, { now }).responses.join(" ").trim();
      return answer === "" ? undefined : answer;
    } catch {
      return undefined;
    }
  };
}

/** Pandorabots writes the target as "app/botname"; a bare botname works too. Another app's bot never does. */
function targetName(appId: string, target: string | undefined): string | undefined {
  if (!target) return undefined;
  const slash = target.indexOf("/");
  if (slash === -1) return target;
  if (target.slice(0, slash) !== appId) return undefined;
  const name = target.slice(slash + 1);
  return name === "" || name.includes("/") ? undefined : name;
}
