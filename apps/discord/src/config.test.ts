import { ConfigError } from "@parley/core";
import { expect, test } from "vitest";
import { fromEnv, readDiscordConfig } from "./config.js";
import { captureLogger } from "./test-support/capture-logger.js";

const ctx = { logger: captureLogger() };

test("without DISCORD_TOKEN the channel is off and names the variable that turns it on", () => {
  expect(fromEnv({}, ctx)).toEqual({ name: "discord", enabled: false, turnOnWith: "DISCORD_TOKEN" });
  expect(fromEnv({ DISCORD_TOKEN: "  " }, ctx)).toMatchObject({ enabled: false });
});

test("a token pasted with its 'Bot ' prefix is refused in one line that does not echo the token", () => {
  const read = () => readDiscordConfig({ DISCORD_TOKEN: "Bot abc.def.secret" });
  expect(read).toThrow(ConfigError);
  expect(read).toThrow(/DISCORD_TOKEN must be the bare bot token/);
  try {
    read();
  } catch (error) {
    expect((error as Error).message).not.toContain("secret");
    expect((error as Error).message.split("\n")).toHaveLength(1);
  }
});

test("DISCORD_API_URL must be an http(s) URL; a trailing slash is dropped", () => {
  expect(() => readDiscordConfig({ DISCORD_TOKEN: "t", DISCORD_API_URL: "localhost:3000" })).toThrow(
    /DISCORD_API_URL must be http\(s\)/,
  );
  expect(() => readDiscordConfig({ DISCORD_TOKEN: "t", DISCORD_API_URL: "not a url" })).toThrow(
    /DISCORD_API_URL is not a URL/,
  );
  expect(readDiscordConfig({ DISCORD_TOKEN: "t", DISCORD_API_URL: "http://127.0.0.1:9/api/" })).toEqual({
    token: "t",
    apiUrl: "http://127.0.0.1:9/api",
  });
});
