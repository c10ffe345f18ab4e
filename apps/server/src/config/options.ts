// Options of createServer/startServer, their defaults, and the environment variables that set them.
import type { Logger } from "@parley/core";
import type { AimlEngine } from "../engine/contract.js";

export interface PlanLimits {
  /** Talk/atalk calls per minute per app; 0 = unlimited. */
  talkPerMinute?: number;
  /** Clients atalk may create per app; 0 = unlimited. */
  maxAnonymousClients?: number;
  /** Bots per app; 0 = unlimited. */
  maxBots?: number;
}

export interface ServerOptions {
  /** Where the SQLite file and the generated user key live. */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  appId?: string;
  /** When absent, one is generated on first start and kept in `<dataDir>/user-key`. */
  userKey?: string;
  limits?: PlanLimits;
  /** Defaults to the core's pino logger (stderr) at `logLevel`. */
  logger?: Logger;
  /** Level of the default logger: PARLEY_LOG_LEVEL, default "info". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** Idle time that ends a session (and a plain client's predicates). Default 30 minutes. */
  sessionIdleMs?: number;
  /** Conversation log rows older than this many days are deleted (0 keeps them for good). Default 30. */
  logRetentionDays?: number;
  /** Load the demo bot on first start. Default true. */
  demoBot?: boolean;
  /** AIML implementation; defaults to @parley/aiml. */
  engine?: AimlEngine;
  /**
   * Worker threads that run talk turns (interpreter and SQLite writes); 0 runs them on the HTTP
   * thread. Default: one per core, at most 4, and 0 on a single core or with a host-supplied engine.
   */
  talkWorkers?: number;
  /** Parsed states of this many recently active clients stay in memory, per talk worker (0 disables). Default 1000. */
  stateCacheSize?: number;
  /** Largest accepted bot file upload. Default 16 MiB. */
  maxUploadBytes?: number;
  /** Called once with a newly generated user key (default: printed to stdout). */
  onUserKeyGenerated?: (userKey: string) => void;
}

export const DEFAULT_PORT = 8011;
export const DEFAULT_APP_ID = "parley";
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_LOG_RETENTION_DAYS = 30;

function intFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

/**
 * Options from PARLEY_SERVER_PORT, PARLEY_DATA_DIR, PARLEY_SERVER_HOST, PARLEY_SERVER_APP_ID,
 * PARLEY_SERVER_USER_KEY, PARLEY_SERVER_TALK_PER_MINUTE, PARLEY_SERVER_MAX_ANON_CLIENTS, PARLEY_SERVER_MAX_BOTS,
 * PARLEY_SERVER_TALK_WORKERS, PARLEY_SERVER_LOG_RETENTION_DAYS.
 */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const options: ServerOptions = { dataDir: env.PARLEY_DATA_DIR || "./data" };
  const port = intFromEnv(env, "PARLEY_SERVER_PORT");
  if (port !== undefined) options.port = port;
  if (env.PARLEY_SERVER_HOST) options.host = env.PARLEY_SERVER_HOST;
  if (env.PARLEY_SERVER_APP_ID) options.appId = env.PARLEY_SERVER_APP_ID;
  if (env.PARLEY_SERVER_USER_KEY) options.userKey = env.PARLEY_SERVER_USER_KEY;
  const retention = intFromEnv(env, "PARLEY_SERVER_LOG_RETENTION_DAYS");
  if (retention !== undefined) options.logRetentionDays = retention;
  const workers = intFromEnv(env, "PARLEY_SERVER_TALK_WORKERS");
  if (workers !== undefined) options.talkWorkers = workers;
  const level = env.PARLEY_LOG_LEVEL;
  if (level) {
    if (!["trace", "debug", "info", "warn", "error", "fatal", "silent"].includes(level)) {
      throw new Error("PARLEY_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent");
    }
    options.logLevel = level as ServerOptions["logLevel"];
  }
  const limits: PlanLimits = {};
  const talk = intFromEnv(env, "PARLEY_SERVER_TALK_PER_MINUTE");
  if (talk !== undefined) limits.talkPerMinute = talk;
  const anon = intFromEnv(env, "PARLEY_SERVER_MAX_ANON_CLIENTS");
  if (anon !== undefined) limits.maxAnonymousClients = anon;
  const bots = intFromEnv(env, "PARLEY_SERVER_MAX_BOTS");
  if (bots !== undefined) limits.maxBots = bots;
  options.limits = limits;
  return options;
}
