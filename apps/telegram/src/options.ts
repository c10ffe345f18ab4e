// What createTelegramChannel accepts; fromEnv builds the same object from TELEGRAM_* variables.
import type { Logger } from "@parley/core";

export interface TelegramChannelOptions {
  /** The bot token from @BotFather. Never logged. */
  token: string;
  /** Bot API root; a self-hosted Bot API server or a test fake. Default https://api.telegram.org. */
  apiRoot?: string;
  /** Default "polling". */
  mode?: "polling" | "webhook";
  /** Required in webhook mode: the public URL registered with Telegram and the secret it must echo. */
  webhook?: { url: string; secret: string };
  /** What /start sends the bot as the person's input, so the bot greets. Default "hello". */
  startInput?: string;
  /** Answer to stickers, photos, voice and other non-text messages. */
  nonTextReply?: string;
  /** Text of a keyboard message when the bot gave buttons with no words around them. */
  buttonsPrompt?: string;
  /** Longest `<delay>` honoured, in seconds (the typing action shows meanwhile). Default 10. */
  maxDelaySeconds?: number;
  /** A 429 asking to wait longer than this fails the message instead of holding up the chat. Default 60. */
  maxRetryAfterSeconds?: number;
  logger?: Logger;
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";

export const DEFAULTS = {
  startInput: "hello",
  nonTextReply: "Sorry, I can only read text messages.",
  buttonsPrompt: "Please choose:",
  maxDelaySeconds: 10,
} as const;
