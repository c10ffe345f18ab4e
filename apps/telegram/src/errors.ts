// Typed errors of the Telegram channel. None of them ever carries the bot token.
import { ParleyError } from "@parley/core";

/** A Bot API call failed for good (after the one retry a 429 earns). */
export class TelegramSendError extends ParleyError {
  /** The Bot API method that failed, e.g. "sendMessage". */
  readonly method: string;
  /** Telegram's error_code, or undefined for a network failure. */
  readonly status: number | undefined;

  // No `cause`: the underlying error may quote the request URL, which holds the token.
  constructor(method: string, status: number | undefined, description: string) {
    super("TELEGRAM_SEND_FAILED", `Telegram ${method} failed: ${description}`, {
      hint:
        status === 401
          ? "Check TELEGRAM_BOT_TOKEN (ask @BotFather for the current token)."
          : status === 403
            ? "The person blocked the bot or the bot was removed from the chat."
            : "Check TELEGRAM_API_ROOT and the network; the message was not delivered.",
    });
    this.method = method;
    this.status = status;
  }
}

/** Removes the bot token from any text that may embed it (network errors quote the request URL). */
export function redactToken(text: string, token: string): string {
  return token ? text.split(token).join("<token>") : text;
}

/** `start` could not get going: the token was refused or the Bot API could not be reached. */
export class TelegramStartError extends ParleyError {
  constructor(status: number | undefined, description: string, apiRoot: string) {
    const refused = status === 401 || status === 404;
    super(
      "TELEGRAM_START_FAILED",
      refused
        ? "Telegram refused the bot token"
        : `Telegram channel could not start (Bot API at ${apiRoot}): ${description}`,
      {
        hint: refused
          ? "Check TELEGRAM_BOT_TOKEN (ask @BotFather for the current token)."
          : "Check TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL and the network.",
      },
    );
  }
}
