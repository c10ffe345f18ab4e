// Runs the web chat for tests (and by hand): core gateway + memory store + demo backend + one listener.
import {
  createGateway,
  createHttpListener,
  createMetrics,
  type Logger,
  MemoryInterlocutorStore,
} from "@parley/core";
import { createWebchatChannel } from "../channel.js";
import type { WebchatOptions } from "../options.js";
import { DemoTalkBackend } from "./demo-backend.js";
import { demoMediaRoutes } from "./demo-media.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

export async function startDemoWebchat(
  options: WebchatOptions & {
    port?: number;
    apologyReply?: string;
    busyReply?: string;
    maxBacklog?: number;
  } = {},
) {
  const store = new MemoryInterlocutorStore();
  const channel = createWebchatChannel(options);
  // Listening first: the backend's media URLs point at this server (the API answers 503 until the
  // gateway starts).
  const listener = await createHttpListener({
    host: "127.0.0.1",
    port: options.port ?? 0,
    logger: silent,
    routes: [...channel.routes, ...demoMediaRoutes()],
    health: { ready: async () => true },
    metricsRegistry: createMetrics({ processMetrics: false }).registry,
  });
  const backend = new DemoTalkBackend({ mediaBaseUrl: listener.url });
  const gateway = createGateway({
    bot: "demo",
    backend,
    store,
    channels: [channel],
    logger: silent,
    ...(options.apologyReply ? { apologyReply: options.apologyReply } : {}),
    ...(options.busyReply ? { busyReply: options.busyReply } : {}),
    ...(options.maxBacklog ? { queue: { maxBacklog: options.maxBacklog } } : {}),
  });
  await gateway.start();
  return {
    url: listener.url,
    backend,
    channel,
    gateway,
    async close() {
      await gateway.stop();
      await listener.close();
      await store.close();
    },
  };
}
