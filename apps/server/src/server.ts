// createServer / startServer: the programmatic API behind `parley server` and `parley start`.

import { availableParallelism } from "node:os";
import { SerialLanes } from "@parley/core";
import type { FastifyInstance } from "fastify";
import { defaultLogger } from "./config/default-logger.js";
import {
  DEFAULT_APP_ID,
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_PORT,
  DEFAULT_SESSION_IDLE_MS,
  type ServerOptions,
} from "./config/options.js";
import { resolveUserKey } from "./config/user-key.js";
import { type DemoBotResult, ensureDemoBot } from "./demo/demo-bot.js";
import { loadAimlEngine } from "./engine/load-engine.js";
import { AppAuth } from "./http/auth.js";
import { buildApp } from "./http/build-app.js";
import { BotAdmin } from "./runtime/bot-admin.js";
import { BotRegistry } from "./runtime/bot-registry.js";
import { growHeapForLatency } from "./runtime/heap-growth.js";
import { MinuteRateLimiter } from "./runtime/rate-limiter.js";
import { StateCache } from "./runtime/state-cache.js";
import { TalkService } from "./runtime/talk-service.js";
import { BotStore } from "./storage/bot-store.js";
import { startCheckpointer } from "./storage/checkpointer.js";
import { CommitLock } from "./storage/commit-lock.js";
import { ConversationStore } from "./storage/conversation-store.js";
import { openDatabase } from "./storage/database.js";
import { ThreadedTurnWriter } from "./storage/threaded-turn-writer.js";
import { TurnWriter } from "./storage/turn-writer.js";
import { LocalTurnRunner } from "./turns/local-turn-runner.js";
import type { TurnRunner } from "./turns/turn.js";
import { WorkerTurnRunner } from "./turns/worker-turn-runner.js";

export interface ParleyServer {
  readonly appId: string;
  readonly userKey: string;
  /** The fastify instance (for inject() in tests or extra routes). */
  readonly http: FastifyInstance;
  /** Creates, uploads and compiles the demo bot if this data dir never had it. */
  ensureDemoBot(): Promise<DemoBotResult>;
  /** The public botkey of one of the app's bots, for the ?botkey= talk form. */
  botkey(botname: string): string | undefined;
  /** Compiles every bot's serving version where talk runs (startServer does this before listening). */
  warmUp(): Promise<number>;
  listen(): Promise<string>;
  /** Deletes idle plain clients' states and ended sessions now (it also runs every few minutes). */
  sweepIdle(): Promise<void>;
  /** Stops accepting, finishes in-flight requests, then closes the database. */
  close(): Promise<void>;
}

export interface RunningServer extends ParleyServer {
  readonly url: string;
  readonly demoBot: DemoBotResult;
}

const LOG_PRUNE_BATCH = 5000;

export async function createServer(options: ServerOptions): Promise<ParleyServer> {
  const clock = options.clock ?? Date.now;
  const appId = options.appId ?? DEFAULT_APP_ID;
  const limits = options.limits ?? {};
  const engine = options.engine ?? (await loadAimlEngine());
  const { userKey, generated } = resolveUserKey(options.dataDir, options.userKey);
  const logger = options.logger ?? (await defaultLogger(options, userKey));
  if (generated) {
    (
      options.onUserKeyGenerated ??
      ((key) => process.stdout.write(`Generated user key (stored in the data dir): ${key}\n`))
    )(userKey);
  }

  const db = openDatabase(options.dataDir);
  // Every connection that writes (this one, the writer thread's or the talk workers') takes it.
  const commitLock = new CommitLock();
  const checkpointer = await startCheckpointer(db, logger, commitLock);
  const bots = new BotStore(db, { cacheRows: true, lock: commitLock });
  const conversations = new ConversationStore(db, commitLock);
  conversations.registerApp(appId);
  const stateCacheSize = options.stateCacheSize ?? 1000;
  const workers = options.talkWorkers ?? defaultTalkWorkers(options);
  let runner: TurnRunner;
  let writer: ThreadedTurnWriter | undefined;
  try {
    if (workers > 0) {
      runner = await WorkerTurnRunner.start({ workers, file: db.name, stateCacheSize, logger, commitLock });
    } else {
      // With a second core, commits leave the HTTP thread; on one, a thread would only add hand-offs.
      writer =
        availableParallelism() >= 2
          ? await ThreadedTurnWriter.start({ file: db.name, lock: commitLock, logger })
          : undefined;
      runner = new LocalTurnRunner({
        registry: new BotRegistry(engine, bots, logger, clock),
        bots,
        conversations,
        writer: writer ?? new TurnWriter(conversations, commitLock),
        states: new StateCache(stateCacheSize),
        lanes: new SerialLanes(),
        logger,
      });
    }
  } catch (error) {
    await writer?.close();
    await checkpointer.stop();
    db.close();
    throw error;
  }
  const admin = new BotAdmin(bots, runner, clock, limits.maxBots ?? 0);
  const sessionIdleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const talk = new TalkService({
    conversations,
    runner,
    limiter: new MinuteRateLimiter(limits.talkPerMinute ?? 0, clock),
    clock,
    sessionIdleMs,
    talkPerMinute: limits.talkPerMinute ?? 0,
    maxAnonymousClients: limits.maxAnonymousClients ?? 0,
  });
  const http = buildApp(
    {
      auth: new AppAuth(appId, userKey),
      admin,
      talk,
      bots,
      maxUploadBytes: options.maxUploadBytes ?? 16 * 1024 * 1024,
    },
    logger,
  );

  let closed = false;
  const retentionMs = (options.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS) * 24 * 60 * 60 * 1000;
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= (async () => {
      const removed = conversations.deleteIdle(clock() - sessionIdleMs);
      if (removed.states + removed.sessions > 0)
        logger.debug(removed, "removed idle client states and sessions");
      if (retentionMs === 0) return;
      // Small batches with a yield between them, so a large backlog never stalls talk for long.
      let logRows = 0;
      for (let batch = LOG_PRUNE_BATCH; batch === LOG_PRUNE_BATCH && !closed; ) {
        batch = conversations.pruneLog(clock() - retentionMs, LOG_PRUNE_BATCH);
        logRows += batch;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (logRows > 0) logger.debug({ logRows }, "removed conversation log rows past retention");
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  };
  const sweeper = setInterval(() => void sweep(), Math.min(sessionIdleMs, 5 * 60 * 1000));
  sweeper.unref();

  return {
    appId,
    userKey,
    http,
    ensureDemoBot: async () => {
      const result = await ensureDemoBot(db, admin, appId);
      if (result.loaded && !result.verify.ok) {
        logger.warn(
          { errors: result.verify.errors.slice(0, 5) },
          "the demo bot did not compile; fix and verify it",
        );
      }
      return result;
    },
    botkey: (botname) => bots.find(appId, botname)?.botkey,
    sweepIdle: sweep,
    warmUp: async () => {
      const started = performance.now();
      const versions = bots
        .listBots(appId)
        .flatMap((row) =>
          row.good_version_id === null ? [] : [{ botId: row.id, versionId: row.good_version_id }],
        );
      const warmed = await runner.warm(versions);
      logger.info(
        { bots: warmed, talkWorkers: workers, ms: Math.round(performance.now() - started) },
        "bots loaded",
      );
      return warmed;
    },
    async listen() {
      return http.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? DEFAULT_PORT });
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      await sweeping;
      await http.close();
      await runner.close();
      await writer?.close();
      await checkpointer.stop();
      db.close();
    },
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // A running server is its process's main job: tune the process's heap for its latency.
  growHeapForLatency();
  const server = await createServer(options);
  try {
    const demoBot = options.demoBot === false ? ({ loaded: false } as const) : await server.ensureDemoBot();
    await server.warmUp();
    const url = await server.listen();
    return Object.assign(server, { url, demoBot });
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Talk turns stay on the HTTP thread up to two cores: measured at 3,000 alice2 req/s on 2 cores, the
 * hand-offs to workers (a thread wake-up each way, a shared commit lock, two SQLite connections
 * invalidating each other's page cache) cost more CPU than the turn itself. More cores: workers.
 */
function defaultTalkWorkers(options: ServerOptions): number {
  if (options.engine) return 0;
  const cores = availableParallelism();
  return cores <= 2 ? 0 : Math.min(cores, 4);
}
