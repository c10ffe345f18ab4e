// `parley start`: one process, one HTTP listener, every configured channel, one shared talk queue.
import {
  type ChannelFactoryResult,
  ConfigError,
  createHttpListener,
  type HttpListener,
  isParleyError,
  noopLogger,
} from "@parley/core";
import { CHANNEL_FACTORIES } from "./channels.js";
import { openRuntime, type Runtime } from "./runtime.js";
import { startSummary } from "./summary.js";

export interface StartedParley {
  runtime: Runtime;
  listener: HttpListener;
  channels: ChannelFactoryResult[];
  /** Stop accepting, drain the queue, close channels, stores and the talk API. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Where the summary goes; default stdout. */
  print?: (text: string) => void;
}

export async function startParley(options: StartOptions): Promise<StartedParley> {
  const print = options.print ?? ((text) => process.stdout.write(`${text}\n`));
  const runtime = await openRuntime({ env: options.env, cwd: options.cwd }).catch((error: unknown) => {
    // Report the channels' problems in the same breath as the core's, so one run shows them all.
    if (!(error instanceof ConfigError)) throw error;
    const more = channelProblems(options.env);
    throw more.length > 0 ? new ConfigError([...error.problems, ...more], { hint: error.hint }) : error;
  });
  const { config, logger, gateway, metrics, talkApi } = runtime;
  try {
    // Channel settings from the config file, with the environment winning.
    const channelEnv = { ...config.channels, ...options.env };
    const channels = readChannels(channelEnv, {
      logger: logger.child({ component: "channels" }),
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    });
    for (const result of channels) if (result.enabled) gateway.register(result.channel);

    const listener = await listen({
      host: config.http.host,
      port: config.http.port,
      logger: logger.child({ component: "http" }),
      routes: gateway.routes,
      metricsRegistry: metrics.registry,
      health: {
        ready: async () => {
          await talkApi.backend.ping?.();
          return true;
        },
      },
    });
    try {
      await gateway.start();
    } catch (error) {
      await listener.close();
      throw error;
    }
    print(startSummary(talkApi, channels, listener.url));
    logger.info({ url: listener.url, talkApi: talkApi.kind, bot: talkApi.botname }, "parley started");

    let stopping: Promise<void> | undefined;
    return {
      runtime,
      listener,
      channels,
      stop() {
        stopping ??= (async () => {
          logger.info("stopping: no new messages; answering what was accepted");
          // The gateway refuses new messages first (webhooks get 503 and are retried by their
          // platform) and answers everything accepted, web chat requests included; only then
          // does the listener close, and the stores after it.
          await runtime.drain();
          await listener.close();
          await runtime.close();
          logger.info("stopped");
        })();
        return stopping;
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** The one listener; a taken port is a configuration problem the person can act on. */
async function listen(options: Parameters<typeof createHttpListener>[0]): Promise<HttpListener> {
  try {
    return await createHttpListener(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new ConfigError(
        `PORT: ${options.host}:${options.port} is already in use; stop the other process or set PORT (0 picks a free port)`,
      );
    }
    throw error;
  }
}

/** The channels' configuration problems, checked without starting anything. */
function channelProblems(env: Record<string, string | undefined>): string[] {
  try {
    readChannels(env, { logger: noopLogger });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

/** Every channel's settings, with every problem of every channel reported at once. */
function readChannels(
  env: Record<string, string | undefined>,
  ctx: Parameters<(typeof CHANNEL_FACTORIES)[number]["fromEnv"]>[1],
): ChannelFactoryResult[] {
  const results: ChannelFactoryResult[] = [];
  const problems: string[] = [];
  for (const { name, fromEnv } of CHANNEL_FACTORIES) {
    try {
      results.push(fromEnv(env, ctx));
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems);
      else if (isParleyError(error)) problems.push(`${name}: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return results;
}
