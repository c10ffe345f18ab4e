import { ConfigError, noopLogger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { fromEnv, readSlackConfig } from "./config.js";

const ctx = { logger: noopLogger, publicUrl: "https://bot.example.com" };

describe("Slack settings from the environment", () => {
  it("is off, naming the variables that turn it on, when nothing is set", () => {
    const r = fromEnv({}, ctx);
    expect(r.enabled).toBe(false);
    expect(r.enabled === false && r.turnOnWith).toContain("SLACK_BOT_TOKEN");
  });

  it("uses the Events API over HTTP with a signing secret, and says which URL to register", () => {
    const r = fromEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, ctx);
    expect(r.enabled).toBe(true);
    if (!r.enabled) return;
    expect(r.channel.name).toBe("slack");
    expect(r.channel.routes?.map((x) => `${x.method} ${x.path}`)).toEqual(["POST /slack/events"]);
    expect(r.notes?.join()).toContain("https://bot.example.com/slack/events");
  });

  it("uses Socket Mode with an app token, with no route", () => {
    const r = fromEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }, ctx);
    expect(r.enabled && r.channel.routes).toEqual([]);
  });

  it("takes SLACK_API_URL as the Web API base, with its trailing slash", () => {
    const c = readSlackConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(c?.apiUrl).toBe("http://127.0.0.1:9/api/");
    expect(readSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })?.apiUrl).toBe(
      "https://slack.com/api/",
    );
  });

  it("throws one clear ConfigError line for an incomplete or wrong setup, without echoing secrets", () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ SLACK_BOT_TOKEN: "xoxb-secret-1" }, /neither SLACK_SIGNING_SECRET .* nor SLACK_APP_TOKEN/],
      [{ SLACK_SIGNING_SECRET: "s" }, /SLACK_BOT_TOKEN is not/],
      [
        { SLACK_BOT_TOKEN: "xoxp-secret-1", SLACK_SIGNING_SECRET: "s" },
        /SLACK_BOT_TOKEN must be a bot token/,
      ],
      [
        { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-secret-2" },
        /SLACK_APP_TOKEN must be an app-level token/,
      ],
      [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: "not a url" }, /SLACK_API_URL/],
    ];
    for (const [env, message] of bad) {
      let error: unknown;
      try {
        fromEnv(env, ctx);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("secret");
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });
});
