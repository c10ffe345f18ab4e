// `parley start` reads the Slack settings here: which mode, which tokens, which Web API host.
import type { ChannelContext, ChannelFactoryResult, ChannelFromEnv } from "@parley/core";
import { ConfigError } from "@parley/core";
import { createSlackChannel } from "./channel.js";

export const SLACK_EVENTS_PATH = "/slack/events";
export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

export type SlackMode = { kind: "http"; signingSecret: string } | { kind: "socket"; appToken: string };

export interface SlackConfig {
  botToken: string;
  mode: SlackMode;
  apiUrl: string;
}

/** Parses the environment; `undefined` when Slack is not configured at all. */
export function readSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const botToken = clean(env.SLACK_BOT_TOKEN);
  const signingSecret = clean(env.SLACK_SIGNING_SECRET);
  const appToken = clean(env.SLACK_APP_TOKEN);
  if (!botToken && !signingSecret && !appToken) return undefined;

  if (!botToken) {
    const which = appToken ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET";
    throw new ConfigError(`${which} is set but SLACK_BOT_TOKEN is not: add the bot token (xoxb-...)`);
  }
  if (!botToken.startsWith("xoxb-")) {
    throw new ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
  }
  let mode: SlackMode;
  if (appToken) {
    if (!appToken.startsWith("xapp-")) {
      throw new ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }
    mode = { kind: "socket", appToken };
  } else if (signingSecret) {
    mode = { kind: "http", signingSecret };
  } else {
    throw new ConfigError(
      "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (Events API over HTTP) nor SLACK_APP_TOKEN (Socket Mode) is",
    );
  }
  return { botToken, mode, apiUrl: parseApiUrl(clean(env.SLACK_API_URL)) };
}

export const fromEnv: ChannelFromEnv = (env, ctx: ChannelContext): ChannelFactoryResult => {
  const config = readSlackConfig(env);
  if (!config) {
    return {
      name: "slack",
      enabled: false,
      turnOnWith:
        "SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Events API) or SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Socket Mode)",
    };
  }
  const channel = createSlackChannel({ ...config, logger: ctx.logger.child({ channel: "slack" }) });
  // Keep any base path of the public URL (a reverse proxy may serve the gateway under one).
  const eventsUrl = ctx.publicUrl
    ? `${ctx.publicUrl.replace(/\/+$/, "")}${SLACK_EVENTS_PATH}`
    : SLACK_EVENTS_PATH;
  const notes =
    config.mode.kind === "socket"
      ? ["Socket Mode: no public URL needed"]
      : [`Events API: register ${eventsUrl} for events and interactivity`];
  return { name: "slack", enabled: true, channel, notes };
};

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function parseApiUrl(raw: string | undefined): string {
  if (!raw) return DEFAULT_SLACK_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("SLACK_API_URL is not a valid URL (expected e.g. https://slack.com/api/)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`SLACK_API_URL must be http(s), got ${url.protocol}`);
  }
  // The Web API client appends method names, so the base needs its trailing slash.
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
