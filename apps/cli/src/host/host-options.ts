// Host and credentials for the management commands: flags win over env vars, env over the config
// file (PARLEY_CONFIG), with the same names as everywhere else.

import { loadConfig } from "@parley/core";
import { PandorabotsClient } from "@parley/pandorabots";
import { type Command, Option } from "commander";
import { UsageError } from "../errors.js";

export interface HostFlags {
  host?: string;
  appId?: string;
  userKey?: string;
  botkey?: string;
  bot?: string;
}

export function addHostOptions(command: Command): Command {
  return command
    .addOption(new Option("--host <url>", "Pandorabots-compatible host").env("PANDORABOTS_HOST"))
    .addOption(new Option("--app-id <id>", "application id").env("PANDORABOTS_APP_ID"))
    .addOption(new Option("--user-key <key>", "application user key (secret)").env("PANDORABOTS_USER_KEY"))
    .addOption(new Option("--botkey <key>", "a bot's public key (talk/atalk only)").env("PANDORABOTS_BOTKEY"))
    .addOption(new Option("--bot <name>", "bot name").env("PANDORABOTS_BOTNAME"));
}

export interface HostContext {
  client: PandorabotsClient;
  botname: string | undefined;
  host: string;
}

export function hostContext(
  flags: HostFlags,
  env: Record<string, string | undefined>,
  cwd: string,
): HostContext {
  // Flags are folded into the env view so one schema validates everything, with one line per problem.
  const merged = { ...env };
  if (flags.host) merged.PANDORABOTS_HOST = flags.host;
  if (flags.appId) merged.PANDORABOTS_APP_ID = flags.appId;
  if (flags.userKey) merged.PANDORABOTS_USER_KEY = flags.userKey;
  if (flags.botkey) merged.PANDORABOTS_BOTKEY = flags.botkey;
  if (flags.bot) merged.PANDORABOTS_BOTNAME = flags.bot;
  const { pandorabots, talk } = loadConfig({ env: merged, cwd });
  const client = new PandorabotsClient({
    baseUrl: pandorabots.host,
    appId: pandorabots.appId,
    userKey: pandorabots.userKey,
    botkey: pandorabots.botkey,
    timeoutMs: talk.timeoutMs,
  });
  return { client, botname: pandorabots.botname, host: pandorabots.host };
}

export function requireBot(ctx: HostContext): string {
  if (!ctx.botname) throw new UsageError("no bot named: pass --bot NAME or set PANDORABOTS_BOTNAME");
  return ctx.botname;
}
