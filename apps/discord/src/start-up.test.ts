import { afterEach, expect, test } from "vitest";
import { createDiscordChannel } from "./channel.js";
import { fromEnv } from "./config.js";
import { DiscordStartError } from "./errors.js";
import { captureLogger } from "./test-support/capture-logger.js";
import { unusedGateway } from "./test-support/harness.js";
import { FakeDiscord } from "./testing/fake-discord.js";

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

test("DISCORD_TOKEN and DISCORD_API_URL are enough to connect; the gateway URL comes from /gateway/bot", async () => {
  fake = await FakeDiscord.start();
  const logger = captureLogger();
  const result = fromEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: `${fake.apiUrl}/` }, { logger });
  if (!result.enabled) throw new Error("expected the channel to be on");
  expect(result.notes?.join(" ")).toMatch(/Message Content intent must be enabled/);

  await result.channel.start(unusedGateway);
  await result.channel.stop();
  expect(fake.requests).toContain("GET /gateway/bot");
  expect(fake.intents).toBeDefined();
  // The start-up log names the bot and how to invite it, never the token.
  const connected = logger.entries.find((e) => e.msg.startsWith("discord connected"));
  expect(connected?.fields.invite).toMatch(
    /^https:\/\/discord\.com\/oauth2\/authorize\?client_id=\d+&scope=bot/,
  );
  expect(JSON.stringify(logger.entries)).not.toContain(fake.token);
});

test("a wrong token fails start-up with an error that says what to do, without the token in it", async () => {
  fake = await FakeDiscord.start();
  const channel = createDiscordChannel({ token: "not-the-right-token", apiUrl: fake.apiUrl });
  const failure = await channel.start(unusedGateway).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(DiscordStartError);
  expect((failure as DiscordStartError).code).toBe("DISCORD_START_FAILED");
  expect((failure as Error).message).toMatch(/rejected DISCORD_TOKEN.*Reset Token/);
  expect((failure as Error).message).not.toContain("not-the-right-token");
});

test("an app whose Message Content intent is off in the portal fails start-up naming the switch to turn on", async () => {
  fake = await FakeDiscord.start({ messageContentIntentDisabled: true });
  const channel = createDiscordChannel({ token: fake.token, apiUrl: fake.apiUrl });
  const failure = await channel.start(unusedGateway).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(DiscordStartError);
  expect((failure as Error).message).toMatch(/Privileged Gateway Intents -> Message Content Intent.*4014/);
});

test("when Discord ends the session for good (token reset), the channel logs an error saying why", async () => {
  fake = await FakeDiscord.start();
  const logger = captureLogger();
  const channel = createDiscordChannel({ token: fake.token, apiUrl: fake.apiUrl, logger });
  await channel.start(unusedGateway);
  fake.disconnectGateway(4004);
  const entry = await logger.waitFor((e) => e.level === "error");
  expect(entry.msg).toMatch(/closed for good.*rejected DISCORD_TOKEN.*4004/);
  await channel.stop();
});
