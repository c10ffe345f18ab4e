// Builds the one-process runtime shared by `start` and `chat`: config, logger, metrics, talk API,
// interlocutor store, the process's one TalkQueue and the gateway.
import {
  configSecrets,
  createGateway,
  createLogger,
  createMetrics,
  type Gateway,
  type Logger,
  loadConfig,
  type ParleyConfig,
  type ParleyMetrics,
  pipelineSettings,
  SECRET_SETTING_NAME,
  SqliteInterlocutorStore,
  TalkQueue,
} from "@parley/core";
import { openTalkApi, type TalkApi } from "./talk-api.js";

export interface Runtime {
  config: ParleyConfig;
  logger: Logger;
  metrics: ParleyMetrics;
  talkApi: TalkApi;
  store: SqliteInterlocutorStore;
  queue: TalkQueue;
  gateway: Gateway;
  /** Refuses new messages, answers every accepted one, stops the channels (once). */
  drain(): Promise<void>;
  /** Drains, then closes the queue, the store and the talk API, in that order. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Overrides the configured log level (e.g. quieter for `chat`). */
  logLevel?: ParleyConfig["logLevel"];
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const config = loadConfig({ env: options.env, cwd: options.cwd });
  // Every secret known before the talk API opens; the embedded server's key is added after.
  const knownSecrets = [...configSecrets(config), ...channelSecrets(options.env)];
  // Human-readable lines on a terminal, JSON lines for log shippers.
  const pretty = process.stderr.isTTY === true;
  let logger: Logger = createLogger({
    level: options.logLevel ?? config.logLevel,
    pretty,
    secrets: knownSecrets,
  });
  const talkApi = await openTalkApi(config, options.env, logger);
  // Re-create the logger now that the embedded server's key is known, so it is masked too.
  logger = createLogger({
    level: options.logLevel ?? config.logLevel,
    pretty,
    secrets: [...knownSecrets, ...talkApi.secrets],
  });
  const metrics = createMetrics();
  const settings = pipelineSettings(config);
  const store = new SqliteInterlocutorStore({ path: settings.storePath });
  const queue = new TalkQueue({
    ...settings.queue,
    logger: logger.child({ component: "queue" }),
    metrics: metrics.queue,
  });
  const gateway = createGateway({
    bot: talkApi.botname,
    backend: talkApi.backend,
    store,
    queue,
    busyReply: settings.busyReply,
    apologyReply: settings.apologyReply,
    logger: logger.child({ component: "gateway" }),
    metrics,
  });

  let draining: Promise<void> | undefined;
  const drain = () => {
    draining ??= gateway.stop();
    return draining;
  };
  let closed = false;
  return {
    config,
    logger,
    metrics,
    talkApi,
    store,
    queue,
    gateway,
    drain,
    async close() {
      if (closed) return;
      closed = true;
      await drain();
      await queue.close();
      await store.close();
      await talkApi.close();
    },
  };
}

/** Values of every *_TOKEN / *_SECRET / *_PASSWORD / *_KEY variable, masked in logs. */
function channelSecrets(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => value && SECRET_SETTING_NAME.test(name))
    .map(([, value]) => value as string);
}
