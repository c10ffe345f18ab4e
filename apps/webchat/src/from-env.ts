// How `parley start` turns the web chat on: always, unless PARLEY_WEBCHAT_ENABLED=false.
import { type ChannelFromEnv, ConfigError } from "@parley/core";
import { createWebchatChannel } from "./channel.js";
import { WEBCHAT_DEFAULTS } from "./options.js";

export const WEBCHAT_VARIABLES = [
  { name: "PARLEY_WEBCHAT_ENABLED", description: "Set to false to turn the web chat off", default: "true" },
  {
    name: "PARLEY_WEBCHAT_MAX_TEXT",
    description: "Longest message a person may send, in characters",
    default: String(WEBCHAT_DEFAULTS.maxText),
  },
  { name: "PARLEY_WEBCHAT_TITLE", description: "Title of the chat page", default: WEBCHAT_DEFAULTS.title },
] as const;

export const fromEnv: ChannelFromEnv = (env, ctx) => {
  const problems: string[] = [];
  const enabled = (env.PARLEY_WEBCHAT_ENABLED ?? "").trim().toLowerCase();
  if (!["", "true", "false", "1", "0", "yes", "no"].includes(enabled)) {
    problems.push(
      `PARLEY_WEBCHAT_ENABLED: must be true or false (got ${JSON.stringify(env.PARLEY_WEBCHAT_ENABLED)})`,
    );
  }
  const rawMax = (env.PARLEY_WEBCHAT_MAX_TEXT ?? "").trim();
  const maxText = rawMax === "" ? WEBCHAT_DEFAULTS.maxText : Number(rawMax);
  if (!Number.isInteger(maxText) || maxText < 1 || maxText > 100_000) {
    problems.push(
      `PARLEY_WEBCHAT_MAX_TEXT: must be a whole number from 1 to 100000 (got ${JSON.stringify(env.PARLEY_WEBCHAT_MAX_TEXT)})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  if (["false", "0", "no"].includes(enabled)) {
    return { name: "webchat", enabled: false, turnOnWith: "PARLEY_WEBCHAT_ENABLED=true" };
  }
  const title = env.PARLEY_WEBCHAT_TITLE?.trim() || WEBCHAT_DEFAULTS.title;
  const channel = createWebchatChannel({ maxText, title, logger: ctx.logger.child({ channel: "webchat" }) });
  const base = ctx.publicUrl ? ctx.publicUrl.replace(/\/+$/, "") : "";
  return {
    name: "webchat",
    enabled: true,
    channel,
    notes: [`${base ? `page ${base}/; ` : ""}JSON API: POST ${base}/api/webchat/messages`],
  };
};
