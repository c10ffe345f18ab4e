import { ConfigError, type Logger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { fromEnv } from "./index.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const ctx = { logger: silent };

describe("webchat fromEnv", () => {
  it("is on by default, serving the page, its assets and the JSON API", () => {
    const result = fromEnv({}, ctx);
    expect(result.enabled).toBe(true);
    if (!result.enabled) return;
    expect(result.name).toBe("webchat");
    expect(result.channel.name).toBe("webchat");
    expect(result.channel.routes?.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /",
      "GET /webchat/*",
      "POST /api/webchat/messages",
    ]);
    expect(result.notes?.[0]).toContain("/api/webchat/messages");
  });

  it("mentions the public URL when one is known", () => {
    const result = fromEnv({}, { logger: silent, publicUrl: "https://bot.example.com/" });
    expect(result.notes?.[0]).toContain("https://bot.example.com/");
  });

  it("turns off with PARLEY_WEBCHAT_ENABLED=false and says how to turn it on", () => {
    expect(fromEnv({ PARLEY_WEBCHAT_ENABLED: "false" }, ctx)).toEqual({
      name: "webchat",
      enabled: false,
      turnOnWith: "PARLEY_WEBCHAT_ENABLED=true",
    });
  });

  it("rejects invalid values with one line each", () => {
    let error: unknown;
    try {
      fromEnv({ PARLEY_WEBCHAT_ENABLED: "maybe", PARLEY_WEBCHAT_MAX_TEXT: "lots" }, ctx);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.split("\n")).toEqual([
      'PARLEY_WEBCHAT_ENABLED: must be true or false (got "maybe")',
      'PARLEY_WEBCHAT_MAX_TEXT: must be a whole number from 1 to 100000 (got "lots")',
    ]);
  });
});
