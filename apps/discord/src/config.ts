// DISCORD_TOKEN turns the channel on; DISCORD_API_URL points it at another REST base (proxies, tests).
import { type ChannelFromEnv, ConfigError } from "@parley/core";
import { createDiscordChannel } from "./channel.js";
import { MESSAGE_CONTENT_HINT } from "./setup-hints.js";

export interface DiscordConfig {
  token: string;
  apiUrl?: string;
}

/** Reads and checks the env; undefined when DISCORD_TOKEN is not set. Throws one clear line when invalid. */
export function readDiscordConfig(env: Record<string, string | undefined>): DiscordConfig | undefined {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) return undefined;
  if (/^bot\s/i.test(token)) {
    throw new ConfigError('DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix');
  }
  if (/\s/.test(token)) throw new ConfigError("DISCORD_TOKEN must not contain spaces or line breaks");
  const config: DiscordConfig = { token };
  const apiUrl = env.DISCORD_API_URL?.trim();
  if (apiUrl) {
    let url: URL;
    try {
      url = new URL(apiUrl);
    } catch {
      throw new ConfigError(
        `DISCORD_API_URL is not a URL: "${apiUrl}" (expected e.g. https://discord.com/api)`,
      );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ConfigError(`DISCORD_API_URL must be http(s), got "${url.protocol}"`);
    }
    // discord.js appends "/v10" itself; a trailing slash would double it.
    config.apiUrl = apiUrl.replace(/\/+$/, "");
  }
  return config;
}

export const fromEnv: ChannelFromEnv = (env, ctx) => {
  const config = readDiscordConfig(env);
  if (!config) return { name: "discord", enabled: false, turnOnWith: "DISCORD_TOKEN" };
  const channel = createDiscordChannel({ ...config, logger: ctx.logger.child({ channel: "discord" }) });
  const notes = [`Discord: ${MESSAGE_CONTENT_HINT}.`];
  if (config.apiUrl) notes.push(`Discord: REST at ${config.apiUrl} (gateway URL from its /gateway/bot).`);
  return { name: "discord", enabled: true, channel, notes };
};
