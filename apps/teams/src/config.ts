// `parley start` reads the Teams settings here: the Azure bot's identity, or the loopback-only local mode.
import type { ChannelContext, ChannelFactoryResult, ChannelFromEnv } from "@parley/core";
import { ConfigError } from "@parley/core";
import { createTeamsChannel } from "./channel.js";

export const TEAMS_MESSAGES_PATH = "/api/messages";
export const DEFAULT_TEAMS_GREETING = "hello";

export type TeamsAuth =
  | {
      kind: "bot";
      appId: string;
      appPassword: string;
      appType: "MultiTenant" | "SingleTenant";
      tenantId?: string;
    }
  /** No app id: the Bot Framework tooling's local mode. Loopback only. */
  | { kind: "unauthenticated" };

export interface TeamsConfig {
  auth: TeamsAuth;
  /** Sent to the bot as the person's input when the bot is added to a conversation. */
  greeting: string;
}

const APP_TYPES = ["MultiTenant", "SingleTenant"] as const;

/** Parses the environment; `undefined` when Teams is not configured at all. */
export function readTeamsConfig(env: Record<string, string | undefined>): TeamsConfig | undefined {
  const appId = clean(env.MICROSOFT_APP_ID);
  const appPassword = clean(env.MICROSOFT_APP_PASSWORD);
  const rawType = clean(env.MICROSOFT_APP_TYPE);
  const tenantId = clean(env.MICROSOFT_APP_TENANT_ID);
  const unauthenticated = parseFlag(env.PARLEY_TEAMS_ALLOW_UNAUTHENTICATED);
  const greeting = clean(env.PARLEY_TEAMS_GREETING) ?? DEFAULT_TEAMS_GREETING;

  if (unauthenticated) {
    if (appId || appPassword) {
      throw new ConfigError(
        "PARLEY_TEAMS_ALLOW_UNAUTHENTICATED=true cannot be combined with MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD: unset one",
      );
    }
    const host = clean(env.HOST) ?? "127.0.0.1";
    if (!isLoopbackHost(host)) {
      throw new ConfigError(
        `PARLEY_TEAMS_ALLOW_UNAUTHENTICATED=true needs HOST on loopback (127.0.0.1 or ::1), got ${host}`,
      );
    }
    return { auth: { kind: "unauthenticated" }, greeting };
  }
  if (!appId && !appPassword && !rawType && !tenantId) return undefined;

  if (!appId) {
    throw new ConfigError(
      "MICROSOFT_APP_PASSWORD/MICROSOFT_APP_TYPE/MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not: add the bot's Microsoft App ID",
    );
  }
  if (!appPassword) {
    throw new ConfigError(
      "MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not: add the app's client secret",
    );
  }
  const appType = parseAppType(rawType, tenantId);
  if (appType === "SingleTenant" && !tenantId) {
    throw new ConfigError(
      "MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (the Azure AD tenant id)",
    );
  }
  return {
    auth: { kind: "bot", appId, appPassword, appType, ...(tenantId ? { tenantId } : {}) },
    greeting,
  };
}

export const fromEnv: ChannelFromEnv = (env, ctx: ChannelContext): ChannelFactoryResult => {
  const config = readTeamsConfig(env);
  if (!config) {
    return { name: "teams", enabled: false, turnOnWith: "MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD" };
  }
  const channel = createTeamsChannel({ ...config, logger: ctx.logger.child({ channel: "teams" }) });
  // Keep any base path of the public URL (a reverse proxy may serve the gateway under one).
  const messagesUrl = ctx.publicUrl
    ? `${ctx.publicUrl.replace(/\/+$/, "")}${TEAMS_MESSAGES_PATH}`
    : `https://<public host>${TEAMS_MESSAGES_PATH} (set PARLEY_PUBLIC_URL to see it here)`;
  const notes =
    config.auth.kind === "unauthenticated"
      ? [`UNAUTHENTICATED local mode: ${TEAMS_MESSAGES_PATH} accepts unsigned activities, loopback only`]
      : [`messaging endpoint: register ${messagesUrl} on the Azure Bot`];
  return { name: "teams", enabled: true, channel, notes };
};

/** True for the addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || h === "::ffff:127.0.0.1" || /^127(\.\d{1,3}){3}$/.test(h);
}

function parseAppType(raw: string | undefined, tenantId: string | undefined): "MultiTenant" | "SingleTenant" {
  if (!raw) return tenantId ? "SingleTenant" : "MultiTenant";
  const found = APP_TYPES.find((t) => t.toLowerCase() === raw.toLowerCase());
  if (!found) {
    throw new ConfigError(
      `MICROSOFT_APP_TYPE must be MultiTenant or SingleTenant (a managed identity has no password), got ${raw}`,
    );
  }
  return found;
}

function parseFlag(raw: string | undefined): boolean {
  const v = clean(raw)?.toLowerCase();
  if (v === undefined || v === "false" || v === "0") return false;
  if (v === "true" || v === "1") return true;
  throw new ConfigError(`PARLEY_TEAMS_ALLOW_UNAUTHENTICATED must be true or false, got ${raw}`);
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
