// The one logger factory: pino, JSON lines (or pretty for people), secrets never written.
import { type DestinationStream, type Level, type Logger as PinoLogger, pino } from "pino";
import pretty from "pino-pretty";
import { REDACTED, secretRedactor } from "./redact-secrets.js";

export type LogLevel = Level | "silent";
export const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** Human-readable lines (pino-pretty) instead of JSON; for terminals, not for log shippers. */
  pretty?: boolean;
  /** Known secret values (user key, botkey, channel tokens): masked wherever they appear in a line. */
  secrets?: readonly (string | undefined | null)[];
  /** Where lines go; default: stderr, so stdout stays free for command output. */
  destination?: DestinationStream;
  /** Fields added to every line. */
  base?: Record<string, unknown>;
}

/** Field names whose values are secrets wherever they appear (checked up to three levels deep). */
export const SECRET_FIELDS: readonly string[] = [
  "user_key",
  "userKey",
  "botkey",
  "botKey",
  "token",
  "accessToken",
  "access_token",
  "botToken",
  "bot_token",
  "appPassword",
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "signingSecret",
  "signing_secret",
  "apiKey",
  "api_key",
  "authorization",
  "Authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "x-telegram-bot-api-secret-token",
];

/** pino redact paths for every secret field at depth 1 to 3 (`token`, `*.token`, `*.*.token`). */
function redactPaths(): string[] {
  return SECRET_FIELDS.flatMap((field) => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(field);
    const at = (prefix: string) => (plain ? `${prefix}.${field}` : `${prefix}["${field}"]`);
    return [plain ? field : `["${field}"]`, at("*"), at("*.*")];
  });
}

export function createLogger(options: CreateLoggerOptions = {}): PinoLogger {
  const secrets = options.secrets ?? [];
  const destination = options.pretty
    ? pretty({
        destination: options.destination ?? 2,
        sync: true,
        colorize: !options.destination && process.stderr.isTTY === true,
      })
    : (options.destination ?? pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      level: options.level ?? "info",
      base: options.base ?? {},
      redact: { paths: redactPaths(), censor: REDACTED },
      // Last line of defence: known secret values and credential query parameters in any field or message.
      hooks: { streamWrite: secretRedactor(secrets) },
    },
    destination,
  );
}
