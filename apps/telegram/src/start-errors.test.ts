// start() fails with a typed error that says what to fix and never quotes the token.
import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "./channel.js";
import { TelegramStartError } from "./errors.js";
import { FakeBotApi } from "./testing/fake-bot-api.js";

const gateway = {
  receive: async () => ({ status: "accepted" as const }),
  ask: async () => {
    throw new Error("not used");
  },
};

describe("starting the Telegram channel", () => {
  it("reports a token Telegram refuses as TELEGRAM_START_FAILED, without the token", async () => {
    const fake = await FakeBotApi.start({ token: "111:the-right-token-aaaaaaaaaaaaaaaaaaaa" });
    const wrongToken = "222:a-revoked-token-bbbbbbbbbbbbbbbbbbbb";
    try {
      const channel = createTelegramChannel({ token: wrongToken, apiRoot: fake.apiRoot });
      const failure = await channel.start(gateway).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(TelegramStartError);
      expect(failure).toMatchObject({
        code: "TELEGRAM_START_FAILED",
        message: "Telegram refused the bot token",
      });
      expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).not.toContain(
        wrongToken,
      );
    } finally {
      await fake.close();
    }
  });

  it("reports an unreachable Bot API with its origin only, never the token-bearing URL", async () => {
    const fake = await FakeBotApi.start({ token: "111:x" });
    const apiRoot = fake.apiRoot;
    await fake.close(); // nothing listens there any more
    const token = "333:unreachable-token-cccccccccccccccccc";
    const channel = createTelegramChannel({ token, apiRoot });
    const failure = (await channel.start(gateway).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(TelegramStartError);
    expect(failure.message).toContain(apiRoot);
    expect(failure.message).not.toContain(token);
  });
});
