// fromEnv: off without a token, one clear line per invalid setting, never quoting a secret.
import { ConfigError, noopLogger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { fromEnv, telegramOptionsFromEnv } from "./config.js";

const token = "123456789:AAH-test-token_0123456789abcdefghijk";
const ctx = { logger: noopLogger };

describe("Telegram settings from the environment", () => {
  it("stay off without TELEGRAM_BOT_TOKEN and say which variable turns them on", () => {
    expect(fromEnv({}, ctx)).toEqual({ name: "telegram", enabled: false, turnOnWith: "TELEGRAM_BOT_TOKEN" });
  });

  it("default to polling the public Bot API with a hello on /start", () => {
    const result = fromEnv({ TELEGRAM_BOT_TOKEN: token }, ctx);
    expect(result.enabled).toBe(true);
    expect(result.enabled && result.channel.name).toBe("telegram");
    expect(result.enabled && result.channel.routes).toEqual([]);
    expect(telegramOptionsFromEnv({ TELEGRAM_BOT_TOKEN: token })).toMatchObject({
      apiRoot: "https://api.telegram.org",
      mode: "polling",
      webhook: undefined,
    });
  });

  it("in webhook mode serve the webhook URL's path and generate a secret when none is given", () => {
    const env = {
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_URL: "https://bots.example.com/hooks/tg",
    };
    const a = telegramOptionsFromEnv(env);
    const b = telegramOptionsFromEnv(env);
    expect(a.generatedSecret).toBe(true);
    expect(a.webhook?.secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(a.webhook?.secret).not.toBe(b.webhook?.secret);
    const result = fromEnv(env, ctx);
    expect(result.enabled && result.channel.routes?.map((r) => [r.method, r.path])).toEqual([
      ["POST", "/hooks/tg"],
    ]);
    expect(
      telegramOptionsFromEnv({ ...env, TELEGRAM_WEBHOOK_SECRET: "pinned_secret-1" }).webhook?.secret,
    ).toBe("pinned_secret-1");
  });

  it("fall back to the gateway's public URL for the webhook", () => {
    const options = telegramOptionsFromEnv(
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook" },
      "https://parley.example.com",
    );
    expect(options.webhook?.url).toBe("https://parley.example.com/telegram/webhook");
  });

  it("reject invalid settings with one line each, without quoting the token or the secret", () => {
    const badToken = "not-a-token-but-secret-looking";
    const badSecret = "has spaces and ! marks";
    let error: unknown;
    try {
      fromEnv(
        {
          TELEGRAM_BOT_TOKEN: badToken,
          TELEGRAM_MODE: "push",
          TELEGRAM_API_ROOT: "ftp://example.com",
        },
        ctx,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "TELEGRAM_BOT_TOKEN",
      "TELEGRAM_API_ROOT",
      "TELEGRAM_MODE",
    ]);
    expect((error as Error).message).not.toContain(badToken);

    expect(() =>
      telegramOptionsFromEnv({
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: badSecret,
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_URL: required[\s\S]*TELEGRAM_WEBHOOK_SECRET: 1-256/);
    try {
      telegramOptionsFromEnv({
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: badSecret,
      });
    } catch (e) {
      expect((e as Error).message).not.toContain(badSecret);
    }
  });

  it("take the /start input and the non-text answer from the environment", () => {
    expect(
      telegramOptionsFromEnv({
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_START_INPUT: "start conversation",
        TELEGRAM_NON_TEXT_REPLY: "Text only, please.",
      }),
    ).toMatchObject({ startInput: "start conversation", nonTextReply: "Text only, please." });
  });
});
