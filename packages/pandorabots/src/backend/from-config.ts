// Builds the client and backend from the core config's `pandorabots` section (PANDORABOTS_* vars).
import { ConfigError } from "@parley/core";
import { PandorabotsClient } from "../client/index.js";
import { PandorabotsBackend, type PandorabotsBackendOptions } from "./pandorabots-backend.js";

/** The shape of `config.pandorabots` in @parley/core's config schema. */
export interface PandorabotsSettings {
  host?: string;
  appId?: string;
  userKey?: string;
  botname?: string;
  botkey?: string;
}

export interface FromConfigOptions extends Omit<PandorabotsBackendOptions, "client" | "botname"> {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Talks through app id + user key + botname when all three are set, else through the botkey.
 * Throws a ConfigError naming the variables when neither is complete.
 */
export function pandorabotsFromConfig(
  settings: PandorabotsSettings,
  options: FromConfigOptions = {},
): { client: PandorabotsClient; backend: PandorabotsBackend } {
  const { timeoutMs, fetch, ...backendOptions } = options;
  const withApp = Boolean(settings.appId && settings.userKey && settings.botname);
  if (!withApp && !settings.botkey) {
    const missing = [
      !settings.appId && "PANDORABOTS_APP_ID",
      !settings.userKey && "PANDORABOTS_USER_KEY",
      !settings.botname && "PANDORABOTS_BOTNAME",
    ].filter(Boolean);
    throw new ConfigError(
      `PANDORABOTS_BOTNAME: the Pandorabots backend needs an app id, user key and botname (missing: ${missing.join(", ")}), or PANDORABOTS_BOTKEY`,
    );
  }
  const client = new PandorabotsClient({
    baseUrl: settings.host,
    appId: settings.appId,
    userKey: settings.userKey,
    botkey: settings.botkey,
    timeoutMs,
    fetch,
  });
  const backend = new PandorabotsBackend({
    ...backendOptions,
    client,
    botname: withApp ? settings.botname : undefined,
  });
  return { client, backend };
}
