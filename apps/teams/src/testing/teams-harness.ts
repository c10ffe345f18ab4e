// Everything an end-to-end Teams test needs, all real: the fake Bot Connector (HTTP), the Teams channel
// on botbuilder's CloudAdapter mounted on the core's HTTP listener (the one `parley start` runs), the
// core gateway and a bot with memory.
// Tests post activities the way Teams does and read what reached the fake connector.
import {
  createGateway,
  createHttpListener,
  createMetrics,
  type Gateway,
  type HttpListener,
  type HttpRoute,
  type Logger,
  MemoryInterlocutorStore,
  noopLogger,
} from "@parley/core";
import type { Activity } from "botbuilder";
import type { BotFrameworkEndpoints } from "../auth/bot-framework-auth.js";
import { createTeamsChannel, type TeamsChannel } from "../channel.js";
import { TEAMS_MESSAGES_PATH } from "../config.js";
import type { RetryOptions } from "../transport/retry-policy.js";
import { FakeBotConnector } from "./fake-bot-connector.js";
import { FakeConnectorCredentials } from "./fake-credentials.js";
import { MemoryBot } from "./memory-bot.js";

export const TEST_APP_ID = "00000000-0000-0000-0000-0000000a99id";
export const TEST_APP_PASSWORD = "test-app-password";

export interface TeamsHarness {
  fake: FakeBotConnector;
  channel: TeamsChannel;
  gateway: Gateway;
  bot: MemoryBot;
  messagesUrl: string;
  /**
   * Posts an activity to /api/messages. With authentication on, it carries a valid Bot Connector token
   * unless `authorization` says otherwise (null: no header at all).
   */
  post(activity: Partial<Activity>, opts?: { authorization?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  authenticated?: boolean;
  logger?: Logger;
  greeting?: string;
  retry?: Partial<RetryOptions>;
  /** Overrides of the fake's token endpoints (e.g. metadata that cannot be fetched). */
  endpoints?: Partial<BotFrameworkEndpoints>;
}

export async function startTeamsHarness(opts: HarnessOptions = {}): Promise<TeamsHarness> {
  const authenticated = opts.authenticated ?? true;
  const fake = await FakeBotConnector.start(
    authenticated ? { app: { id: TEST_APP_ID, password: TEST_APP_PASSWORD } } : {},
  );
  const channel = createTeamsChannel({
    auth: authenticated
      ? { kind: "bot", appId: TEST_APP_ID, appPassword: TEST_APP_PASSWORD, appType: "MultiTenant" }
      : { kind: "unauthenticated" },
    endpoints: {
      openIdMetadataUrl: fake.openIdMetadataUrl,
      tokenIssuer: fake.issuer,
      loginUrl: fake.loginUrl,
      ...opts.endpoints,
    },
    ...(authenticated
      ? { credentialsFactory: new FakeConnectorCredentials(TEST_APP_ID, TEST_APP_PASSWORD, fake.loginUrl) }
      : {}),
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...opts.retry },
    ...(opts.greeting ? { greeting: opts.greeting } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const bot = new MemoryBot();
  const gateway = createGateway({
    bot: "test",
    backend: bot,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  let server: HttpListener | undefined;
  try {
    server = await serveChannelRoutes(channel.routes);
    await gateway.start();
  } catch (err) {
    await server?.close();
    await fake.close();
    throw err;
  }
  const messagesUrl = `${server.url}${TEAMS_MESSAGES_PATH}`;
  const routeServer = server;
  let closed: Promise<void> | undefined;
  return {
    fake,
    channel,
    gateway,
    bot,
    messagesUrl,
    post(activity, o = {}) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const authorization =
        o.authorization !== undefined
          ? o.authorization
          : authenticated
            ? `Bearer ${fake.channelToken({ appId: TEST_APP_ID, ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}) })}`
            : null;
      if (authorization !== null) headers.authorization = authorization;
      return fetch(messagesUrl, { method: "POST", headers, body: JSON.stringify(activity) });
    },
    close() {
      closed ??= (async () => {
        await gateway.stop();
        await routeServer.close();
        await fake.close();
      })();
      return closed;
    },
  };
}

/** The core's listener on 127.0.0.1 (or `host`), any free port, with `routes` mounted. */
export function serveChannelRoutes(routes: readonly HttpRoute[], host = "127.0.0.1"): Promise<HttpListener> {
  return createHttpListener({
    host,
    port: 0,
    logger: noopLogger,
    routes,
    health: { ready: async () => true },
    metricsRegistry: createMetrics({ processMetrics: false }).registry,
  });
}
