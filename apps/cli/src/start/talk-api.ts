// Which talk API `start` and `chat` use: the embedded Pandorabots-compatible server (the default, no
// account needed) or a remote host named by PANDORABOTS_HOST / credentials.
import { join } from "node:path";
import type { Logger, ParleyConfig, TalkBackend } from "@parley/core";
import { createPandorabotsBackend, PandorabotsClient, pandorabotsFromConfig } from "@parley/pandorabots";
import { DEMO_BOT_NAME, type RunningServer, startServer } from "@parley/server";

export interface TalkApi {
  backend: TalkBackend;
  /** "embedded" or the remote base URL. */
  kind: "embedded" | "remote";
  host: string;
  botname: string;
  /** Known secret values, masked from every log line. */
  secrets: string[];
  close(): Promise<void>;
}

/** Remote when a host or credentials are configured; otherwise the embedded server. */
export function wantsRemote(config: ParleyConfig, env: Record<string, string | undefined>): boolean {
  return Boolean(env.PANDORABOTS_HOST || config.pandorabots.userKey || config.pandorabots.botkey);
}

export async function openTalkApi(
  config: ParleyConfig,
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<TalkApi> {
  const talkTimeoutMs = config.talk.timeoutMs;
  if (wantsRemote(config, env)) {
    const settings = config.pandorabots;
    const { backend } = pandorabotsFromConfig(settings, { timeoutMs: talkTimeoutMs });
    return {
      backend,
      kind: "remote",
      host: settings.host,
      botname: settings.botname ?? "(botkey)",
      secrets: [settings.userKey, settings.botkey].filter((s): s is string => Boolean(s)),
      close: async () => {},
    };
  }

  const server: RunningServer = await startServer({
    dataDir: join(config.dataDir, "server"),
    host: "127.0.0.1",
    port: 0,
    logger: logger.child({ component: "embedded-server" }),
    // The embedded key is internal to this process; it is kept in the data dir, never printed.
    onUserKeyGenerated: () => {},
  });
  const client = new PandorabotsClient({
    baseUrl: server.url,
    appId: server.appId,
    userKey: server.userKey,
    timeoutMs: talkTimeoutMs,
  });
  return {
    backend: createPandorabotsBackend({ client, botname: DEMO_BOT_NAME, name: "embedded" }),
    kind: "embedded",
    host: server.url,
    botname: DEMO_BOT_NAME,
    secrets: [server.userKey],
    close: () => server.close(),
  };
}
