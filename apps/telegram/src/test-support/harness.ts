// Wires a test: fake Bot API <-> real telegraf <-> Telegram channel <-> the real core gateway and HTTP
// listener <-> an in-test backend.
import {
  createGateway,
  createHttpListener,
  createMetrics,
  type Gateway,
  type HttpListener,
  MemoryInterlocutorStore,
  noopLogger,
} from "@parley/core";
import { createTelegramChannel, type TelegramChannel } from "../channel.js";
import type { TelegramChannelOptions } from "../options.js";
import { FakeBotApi } from "../testing/fake-bot-api.js";
import { MemoryTalkBackend } from "./memory-backend.js";

export const TOKEN = "123456789:AAH-test-token_0123456789abcdefghijk";
export const WEBHOOK_SECRET = "test-webhook-secret_42";

export type Mode = "polling" | "webhook";

export interface Harness {
  mode: Mode;
  fake: FakeBotApi;
  channel: TelegramChannel;
  gateway: Gateway;
  backend: MemoryTalkBackend;
  /** Hands an update to the bot the way the mode does: queued for getUpdates, or posted to the webhook. */
  deliver(update: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  mode: Mode,
  options: Partial<TelegramChannelOptions> = {},
  webhookPath = "/telegram/webhook",
): Promise<Harness> {
  const fake = await FakeBotApi.start({ token: TOKEN });
  // The same listener `parley start` runs: Fastify handing raw req/res to channel routes.
  const listener: HttpListener | undefined =
    mode === "webhook"
      ? await createHttpListener({
          host: "127.0.0.1",
          port: 0,
          logger: noopLogger,
          health: { ready: async () => true },
          metricsRegistry: createMetrics({ processMetrics: false }).registry,
        })
      : undefined;
  const channel = createTelegramChannel({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    mode,
    ...(listener ? { webhook: { url: `${listener.url}${webhookPath}`, secret: WEBHOOK_SECRET } } : {}),
    ...options,
  });
  listener?.addRoutes(channel.routes ?? []);
  const backend = new MemoryTalkBackend();
  const gateway = createGateway({
    bot: "test-bot",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    typingIntervalMs: 0,
  });
  await gateway.start();
  return {
    mode,
    fake,
    channel,
    gateway,
    backend,
    async deliver(update) {
      if (mode === "polling") {
        fake.pushUpdate(update);
        return;
      }
      const status = await fake.postToWebhook(update);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    },
    async close() {
      await gateway.stop();
      await listener?.close();
      await fake.close();
    },
  };
}
