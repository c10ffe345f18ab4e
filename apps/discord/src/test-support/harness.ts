// One end-to-end rig: fake Discord <- real discord.js <- our channel <- the core's real gateway <- a memory backend.
import {
  createGateway,
  type Gateway,
  type GatewayPort,
  type Logger,
  MemoryInterlocutorStore,
} from "@parley/core";
import { createDiscordChannel, type DiscordChannel } from "../channel.js";
import { FakeDiscord, type FakeDiscordOptions } from "../testing/fake-discord.js";
import { MemoryBackend } from "./memory-backend.js";

export interface Rig {
  fake: FakeDiscord;
  channel: DiscordChannel;
  gateway: Gateway;
  backend: MemoryBackend;
  close(): Promise<void>;
}

export async function startRig(options: { logger?: Logger; fake?: FakeDiscordOptions } = {}): Promise<Rig> {
  const fake = await FakeDiscord.start(options.fake);
  const backend = new MemoryBackend();
  const channel = createDiscordChannel({
    token: fake.token,
    apiUrl: fake.apiUrl,
    maxDelaySeconds: 0,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const gateway = createGateway({
    bot: "testbot",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
  });
  await gateway.start();
  let closed = false;
  return {
    fake,
    channel,
    gateway,
    backend,
    // Drains the gateway (every accepted message answered), then stops Discord: safe to call twice.
    async close() {
      if (closed) return;
      closed = true;
      await gateway.stop();
      await fake.close();
    },
  };
}

/** For tests that start a channel without ever handing it a message. */
export const unusedGateway: GatewayPort = {
  receive: () => Promise.reject(new Error("unexpected receive")),
  ask: () => Promise.reject(new Error("unexpected ask")),
};
