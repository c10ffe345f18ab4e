// One end-to-end rig: fake Discord <- real discord.js <- our channel <- the core's real gateway <- a memory backend.
import { createGateway, type Gateway, MemoryInterlocutorStore } from "@parley/core";
import { createDiscordChannel, type DiscordChannel } from "../channel.js";
import { FakeDiscord } from "../testing/fake-discord.js";
import { MemoryBackend } from "./memory-backend.js";

export interface Rig {
  fake: FakeDiscord;
  channel: DiscordChannel;
  gateway: Gateway;
  backend: MemoryBackend;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const fake = await FakeDiscord.start();
  const backend = new MemoryBackend();
  const channel = createDiscordChannel({ token: fake.token, apiUrl: fake.apiUrl, maxDelaySeconds: 0 });
  const gateway = createGateway({
    bot: "testbot",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
  });
  await gateway.start();
  return {
    fake,
    channel,
    gateway,
    backend,
    async close() {
      await gateway.stop();
      await fake.close();
    },
  };
}
