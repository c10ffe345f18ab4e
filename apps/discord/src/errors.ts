// Typed errors of the Discord channel. Invalid settings use the core's ConfigError (one line each).
import { ParleyError } from "@parley/core";

export class DiscordStartError extends ParleyError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super("DISCORD_START_FAILED", message, options);
  }
}

/**
 * What is safe to log about a failed Discord call. discord.js REST errors also carry the request URL
 * and body (interaction tokens live in those URLs), so only name, code, status and message are kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const e = error as Error & { code?: unknown; status?: unknown };
    return { name: e.name, code: e.code, status: e.status, message: e.message };
  }
  return { message: String(error) };
}
