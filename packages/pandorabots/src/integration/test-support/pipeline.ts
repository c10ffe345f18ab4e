// The real pipeline for integration tests: core Gateway + TalkQueue + SqliteInterlocutorStore, the
// Pandorabots backend, the fake Pandorabots server, and a channel that records what it is sent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Address, Channel, GatewayPort, Inbound, Reply } from "@parley/core";
import {
  createGateway,
  type Gateway,
  replyToText,
  SqliteInterlocutorStore,
  type TalkQueueOptions,
} from "@parley/core";
import { PandorabotsBackend } from "../../backend/index.js";
import { PandorabotsClient } from "../../client/index.js";
import type { FakePandorabots } from "../../testing/index.js";

export const BOT = "mybot";

/** A channel that keeps every reply it is asked to send. */
export class RecordingChannel implements Channel {
  readonly name = "test";
  readonly sent: { to: Address; reply: Reply }[] = [];
  #waiters: { count: number; resolve: () => void }[] = [];

  async start(_gateway: GatewayPort): Promise<void> {}
  async stop(): Promise<void> {}
  async send(to: Address, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
    for (const w of this.#waiters.filter((w) => this.sent.length >= w.count)) w.resolve();
    this.#waiters = this.#waiters.filter((w) => this.sent.length < w.count);
  }
  waitForSent(count: number): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
  /** Plain text of each reply sent to one conversation, in the order sent. */
  textsTo(conversationId: string): string[] {
    return this.sent.filter((s) => s.to.conversationId === conversationId).map((s) => replyToText(s.reply));
  }
}

export interface Pipeline {
  gateway: Gateway;
  store: SqliteInterlocutorStore;
  channel: RecordingChannel;
  backend: PandorabotsBackend;
  /** Stops the gateway (draining) and closes the store, like a process exiting. */
  stop(): Promise<void>;
}

export function tempDbPath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "parley-pb-"));
  return {
    path: join(dir, "interlocutors.db"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One "process": its own store on `dbPath`, client, backend, queue and gateway. */
export async function startPipeline(fake: FakePandorabots, dbPath: string, queue: TalkQueueOptions = {}) {
  const store = new SqliteInterlocutorStore(dbPath);
  const client = new PandorabotsClient({ baseUrl: fake.url, appId: fake.appId, userKey: fake.userKey });
  const backend = new PandorabotsBackend({ client, botname: BOT });
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: BOT,
    backend,
    store,
    channels: [channel],
    queue: { concurrency: 8, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...queue },
  });
  await gateway.start();
  const pipeline: Pipeline = {
    gateway,
    store,
    channel,
    backend,
    async stop() {
      await gateway.stop();
      await store.close();
    },
  };
  return pipeline;
}

let counter = 0;
export function message(userId: string, text: string, extra: Partial<Inbound> = {}): Inbound {
  counter++;
  return {
    channel: "test",
    userId,
    conversationId: `conv-${userId}`,
    messageId: `m${counter}`,
    text,
    ...extra,
  };
}
