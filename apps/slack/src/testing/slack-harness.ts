// Everything a channel test needs, all real: the fake Slack, the Slack channel on Bolt served on a
// real HTTP listener, a gateway and a bot with memory. Tests send signed requests and read the fake.
import { randomUUID } from "node:crypto";
import { createGateway, type Gateway, type Logger, MemoryInterlocutorStore } from "@parley/core";
import { createSlackChannel, type SlackChannel } from "../channel.js";
import { SLACK_EVENTS_PATH } from "../config.js";
import { FakeSlack } from "./fake-slack.js";
import { MemoryBot } from "./memory-bot.js";
import { type RouteServer, serveRoutes } from "./route-server.js";
import { postSlackEvent, postSlackInteraction, type SlackPostOptions } from "./signed-request.js";

export const TEST_BOT_TOKEN = "xoxb-test-bot-token";
export const TEST_APP_TOKEN = "xapp-test-app-token";
export const TEST_SIGNING_SECRET = "test-signing-secret";

export interface SlackHarness {
  fake: FakeSlack;
  channel: SlackChannel;
  /** The core's real gateway (dedupe, queue, interlocutor store, parseReply). */
  gateway: Gateway;
  bot: MemoryBot;
  eventsUrl: string;
  /** Posts an Events API envelope around `event`, signed; returns the HTTP response. */
  sendEvent(event: Record<string, unknown>, opts?: EventOptions): Promise<Response>;
  /** Posts a block_actions payload, signed. */
  sendInteraction(payload: Record<string, unknown>, opts?: Partial<SlackPostOptions>): Promise<Response>;
  /** Stops the gateway (which drains, then stops the channel); the HTTP listener and the fake stay up. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface EventOptions extends Partial<SlackPostOptions> {
  eventId?: string;
}

export async function startHttpHarness(opts: { logger?: Logger } = {}): Promise<SlackHarness> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN });
  const channel = createSlackChannel({
    botToken: TEST_BOT_TOKEN,
    mode: { kind: "http", signingSecret: TEST_SIGNING_SECRET },
    apiUrl: fake.apiUrl,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const bot = new MemoryBot();
  const gateway = createGateway({
    bot: "test",
    backend: bot,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
  });
  let server: RouteServer | undefined;
  try {
    server = await serveRoutes(channel.routes ?? []);
    await gateway.start();
  } catch (err) {
    await server?.close();
    await fake.close();
    throw err;
  }
  const eventsUrl = server.url(SLACK_EVENTS_PATH);
  const routeServer = server;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= gateway.stop();
    return stopping;
  };
  return {
    fake,
    channel,
    gateway,
    bot,
    eventsUrl,
    sendEvent: (event, o = {}) =>
      postSlackEvent(eventsUrl, eventEnvelope(fake, event, o.eventId), {
        signingSecret: TEST_SIGNING_SECRET,
        ...o,
      }),
    sendInteraction: (payload, o = {}) =>
      postSlackInteraction(eventsUrl, payload, { signingSecret: TEST_SIGNING_SECRET, ...o }),
    stop,
    async close() {
      await stop();
      await routeServer.close();
      await fake.close();
    },
  };
}

export interface SocketHarness {
  fake: FakeSlack;
  channel: SlackChannel;
  gateway: Gateway;
  bot: MemoryBot;
  /** Pushes an Events API envelope around `event` over the socket; resolves with the app's ack. */
  pushEvent(
    event: Record<string, unknown>,
    opts?: { eventId?: string; retryAttempt?: number },
  ): Promise<{ envelope_id: string }>;
  close(): Promise<void>;
}

/** The channel in Socket Mode: it opens a WebSocket to the fake (apps.connections.open) and takes events from it. */
export async function startSocketHarness(opts: { logger?: Logger } = {}): Promise<SocketHarness> {
  const fake = await FakeSlack.start({ botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN });
  const channel = createSlackChannel({
    botToken: TEST_BOT_TOKEN,
    mode: { kind: "socket", appToken: TEST_APP_TOKEN },
    apiUrl: fake.apiUrl,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const bot = new MemoryBot();
  const gateway = createGateway({
    bot: "test",
    backend: bot,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
  });
  try {
    await gateway.start();
    await fake.waitForSocket();
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    channel,
    gateway,
    bot,
    pushEvent: (event, o = {}) =>
      fake.pushSocketEnvelope("events_api", eventEnvelope(fake, event, o.eventId), o.retryAttempt),
    async close() {
      await gateway.stop();
      await fake.close();
    },
  };
}

/** The Events API envelope Slack wraps every event in. */
export function eventEnvelope(
  fake: FakeSlack,
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID()}`,
) {
  return {
    token: "legacy-verification-token",
    team_id: fake.teamId,
    api_app_id: "A0APP",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: fake.teamId, user_id: fake.botUserId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

let tsCounter = 0;
/** A fresh Slack message timestamp. */
export function nextTs(): string {
  tsCounter += 1;
  return `1710000000.${String(tsCounter).padStart(6, "0")}`;
}

/** A direct message from `user` to the bot. */
export function dmEvent(text: string, user = "U0ALICE", extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    channel: `D${user.slice(1)}`,
    channel_type: "im",
    user,
    text,
    ts: nextTs(),
    ...extra,
  };
}

/** A message in a public channel. */
export function channelMessageEvent(text: string, user = "U0ALICE", extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    channel: "C0GENERAL",
    channel_type: "channel",
    user,
    text,
    ts: nextTs(),
    ...extra,
  };
}

/** A mention of the bot in a channel (Slack sends it as app_mention). */
export function mentionEvent(
  fake: FakeSlack,
  text: string,
  user = "U0ALICE",
  extra: Record<string, unknown> = {},
) {
  return {
    type: "app_mention",
    channel: "C0GENERAL",
    user,
    text: `<@${fake.botUserId}> ${text}`,
    ts: nextTs(),
    ...extra,
  };
}
