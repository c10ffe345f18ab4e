// Reads the Telegram channel's settings from the environment, once, with one clear line per problem.
import { randomBytes } from "node:crypto";
import type { ChannelFromEnv } from "@parley/core";
import { ConfigError } from "@parley/core";
import { createTelegramChannel } from "./channel.js";
import { DEFAULT_API_ROOT, type TelegramChannelOptions } from "./options.js";

/** Where the webhook is served when only the gateway's public URL is known. */
export const DEFAULT_WEBHOOK_PATH = "/telegram/webhook";

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{20,}$/;
// Telegram's rule for secret_token: 1-256 characters, A-Z a-z 0-9 _ -.
const SECRET_SHAPE = /^[A-Za-z0-9_-]{1,256}$/;

type Env = Record<string, string | undefined>;

/** Parses the env into channel options, or throws a ConfigError listing every problem (no secret quoted). */
export function telegramOptionsFromEnv(
  env: Env,
  publicUrl?: string,
): Omit<TelegramChannelOptions, "logger"> & { generatedSecret: boolean } {
  const problems: string[] = [];
  const token = (env.TELEGRAM_BOT_TOKEN ?? "").trim();
  if (!TOKEN_SHAPE.test(token)) {
    problems.push(
      "TELEGRAM_BOT_TOKEN: not a bot token (expected <digits>:<35 characters>, as given by @BotFather)",
    );
  }

  const apiRoot = (env.TELEGRAM_API_ROOT ?? "").trim() || DEFAULT_API_ROOT;
  if (!isHttpUrl(apiRoot)) problems.push(`TELEGRAM_API_ROOT: must be an http(s) URL, got "${apiRoot}"`);

  const modeRaw = (env.TELEGRAM_MODE ?? "").trim().toLowerCase() || "polling";
  if (modeRaw !== "polling" && modeRaw !== "webhook") {
    problems.push(`TELEGRAM_MODE: must be "polling" or "webhook", got "${modeRaw}"`);
  }
  const mode = modeRaw === "webhook" ? "webhook" : "polling";

  let webhook: TelegramChannelOptions["webhook"];
  let generatedSecret = false;
  if (mode === "webhook") {
    const explicitUrl = (env.TELEGRAM_WEBHOOK_URL ?? "").trim();
    const url = explicitUrl || (publicUrl ? new URL(DEFAULT_WEBHOOK_PATH, publicUrl).toString() : "");
    if (!url) {
      problems.push(
        "TELEGRAM_WEBHOOK_URL: required when TELEGRAM_MODE=webhook (the public https URL Telegram posts updates to)",
      );
    } else if (!isHttpUrl(url)) {
      problems.push(`TELEGRAM_WEBHOOK_URL: must be an http(s) URL, got "${url}"`);
    }
    let secret = (env.TELEGRAM_WEBHOOK_SECRET ?? "").trim();
    if (secret && !SECRET_SHAPE.test(secret)) {
      problems.push("TELEGRAM_WEBHOOK_SECRET: 1-256 characters, only A-Z a-z 0-9 _ -");
    }
    if (!secret) {
      secret = randomBytes(32).toString("base64url");
      generatedSecret = true;
    }
    webhook = { url, secret };
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const startInput = env.TELEGRAM_START_INPUT?.trim();
  const nonTextReply = env.TELEGRAM_NON_TEXT_REPLY?.trim();
  return {
    token,
    apiRoot,
    mode,
    webhook,
    generatedSecret,
    ...(startInput ? { startInput } : {}),
    ...(nonTextReply ? { nonTextReply } : {}),
  };
}

/** `parley start` calls this for the Telegram channel. */
export const fromEnv: ChannelFromEnv = (env, ctx) => {
  if (!env.TELEGRAM_BOT_TOKEN?.trim()) {
    return { name: "telegram", enabled: false, turnOnWith: "TELEGRAM_BOT_TOKEN" };
  }
  const { generatedSecret, ...options } = telegramOptionsFromEnv(env, ctx.publicUrl);
  const notes = [
    options.mode === "webhook"
      ? `webhook mode: Telegram posts to ${options.webhook?.url}`
      : "polling mode: no public URL needed",
  ];
  if (generatedSecret)
    notes.push("webhook secret generated for this run (set TELEGRAM_WEBHOOK_SECRET to pin it)");
  const channel = createTelegramChannel({ ...options, logger: ctx.logger });
  return { name: "telegram", enabled: true, channel, notes };
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
