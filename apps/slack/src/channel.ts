// The Slack channel: Bolt takes Slack's events in, the gateway gets Inbounds, replies go out as Block Kit.
import type { Address, Channel, GatewayPort, HttpRoute, Logger, Reply } from "@parley/core";
import { noopLogger } from "@parley/core";
import { App } from "@slack/bolt";
import { SLACK_EVENTS_PATH, type SlackMode } from "./config.js";
import { SlackAuthError, SlackUnreachableError } from "./errors.js";
import {
  blockActionToInbound,
  type SlackBlockActionBody,
  type SlackButtonAction,
} from "./inbound/block-action.js";
import type { InboundDecision } from "./inbound/decision.js";
import { messageEventToInbound, type SlackMessageEvent } from "./inbound/message-event.js";
import { RecentIds } from "./inbound/recent-ids.js";
import { toBoltLogger } from "./logger.js";
import { createReceiver } from "./receiver.js";
import { PARLEY_ACTION_PATTERN } from "./render/action-ids.js";
import { renderReply } from "./render/render-reply.js";
import { SlackSender } from "./transport/slack-sender.js";

export interface SlackChannelOptions {
  botToken: string;
  mode: SlackMode;
  /** Web API base URL; Slack's own by default. */
  apiUrl?: string;
  /** Where events and interactivity are posted in HTTP mode. */
  path?: string;
  logger?: Logger;
  /** 429s in a row tolerated for one message before it is given up. */
  maxRateLimitRetries?: number;
}

export interface SlackChannel extends Channel {
  readonly mode: SlackMode["kind"];
}

export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const logger = options.logger ?? noopLogger;
  const apiUrl = options.apiUrl ?? "https://slack.com/api/";
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  let gateway: GatewayPort | undefined;
  let accepting = false;

  const { receiver, routes } = createReceiver({
    mode: options.mode,
    apiUrl,
    path: options.path ?? SLACK_EVENTS_PATH,
    boltLogger,
    logger,
    isAccepting: () => accepting,
  });
  const app = new App({
    token: options.botToken,
    receiver,
    logger: boltLogger,
    // Bolt's per-conversation state store is unused here and would only grow.
    convoStore: false,
    // auth.test runs in start(), where a bad token can fail loudly.
    deferInitialization: true,
    clientOptions: {
      slackApiUrl: apiUrl,
      // 429s are handled by the sender (wait Retry-After, resend in order), not hidden in the client.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    },
  });
  const sender = new SlackSender({
    client: app.client,
    botToken: options.botToken,
    logger,
    ...(options.maxRateLimitRetries !== undefined
      ? { maxRateLimitRetries: options.maxRateLimitRetries }
      : {}),
  });
  const seenEvents = new RecentIds();

  /** Hands one decided event to the gateway; `dedupeKey` guards against Slack's retries. */
  const take = async (
    decision: InboundDecision,
    dedupeKey: string | undefined,
    retryNum: number | undefined,
  ) => {
    if (!decision.answer) {
      logger.debug({ reason: decision.reason }, "Slack event not answered");
      return;
    }
    if (!gateway || !accepting) return;
    if (dedupeKey && !seenEvents.claim(dedupeKey)) {
      logger.info({ eventId: dedupeKey, retryNum }, "Slack redelivered an event already taken in; dropped");
      return;
    }
    try {
      const outcome = await gateway.receive(decision.inbound);
      if (outcome.status !== "accepted") logger.info({ status: outcome.status }, "Slack message not queued");
    } catch (err) {
      if (dedupeKey) seenEvents.release(dedupeKey);
      logger.error({ err: errorText(err) }, "gateway refused a Slack message");
    }
  };

  const onMessageEvent = async (args: {
    event: unknown;
    body: unknown;
    context: { botUserId?: string; teamId?: string; retryNum?: number };
  }) => {
    const body = args.body as { event_id?: string; team_id?: string; enterprise_id?: string };
    // Org-wide (Enterprise Grid) installs may carry only the enterprise id.
    const teamId = body.team_id ?? args.context.teamId ?? body.enterprise_id ?? "unknown";
    const decision = messageEventToInbound(args.event as SlackMessageEvent, {
      teamId,
      ...(args.context.botUserId ? { botUserId: args.context.botUserId } : {}),
    });
    await take(decision, body.event_id, args.context.retryNum);
  };
  app.event("message", onMessageEvent);
  app.event("app_mention", onMessageEvent);

  app.action(PARLEY_ACTION_PATTERN, async ({ ack, body, action }) => {
    await ack();
    await take(
      blockActionToInbound(body as SlackBlockActionBody, action as SlackButtonAction),
      undefined,
      undefined,
    );
  });

  app.error(async (err) => {
    logger.error({ code: err.code, err: errorText(err) }, "Slack event processing failed");
  });

  return {
    name: "slack",
    mode: options.mode.kind,
    routes: routes as readonly HttpRoute[],

    async start(port: GatewayPort) {
      gateway = port;
      try {
        await app.init();
      } catch (err) {
        throw startError(err, apiUrl, "SLACK_BOT_TOKEN", BOT_TOKEN_HINT);
      }
      if (options.mode.kind === "socket") {
        try {
          await app.start();
        } catch (err) {
          throw startError(err, apiUrl, "SLACK_APP_TOKEN", APP_TOKEN_HINT);
        }
      }
      accepting = true;
      logger.info({ mode: options.mode.kind }, "Slack channel started");
    },

    async stop() {
      accepting = false;
      await sender.drain();
      if (options.mode.kind === "socket") await app.stop();
    },

    async send(to: Address, reply: Reply) {
      const threadTs = to.meta?.thread_ts;
      await sender.deliver(
        { channel: to.conversationId, ...(threadTs ? { threadTs } : {}) },
        renderReply(reply),
      );
    },
  };
}

const BOT_TOKEN_HINT =
  "Copy the Bot User OAuth Token (xoxb-) from OAuth & Permissions; reinstall the app if it was revoked";
const APP_TOKEN_HINT =
  "Enable Socket Mode and create an app-level token with connections:write under Basic Information";

/** A refused token and an unreachable host call for different fixes, so they are told apart. */
function startError(err: unknown, apiUrl: string, variable: string, hint: string): Error {
  if (slackErrorCode(err)) {
    return new SlackAuthError(`Slack refused ${variable} (${slackErrorCode(err)})`, { cause: err, hint });
  }
  return new SlackUnreachableError(
    `Could not reach the Slack Web API at ${new URL(apiUrl).host} (${errorText(err)})`,
    {
      cause: err,
      hint: "Check the network, or SLACK_API_URL if it is set",
    },
  );
}

function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return data && typeof data.error === "string" ? data.error : undefined;
}

/** Error text for logs: Slack's error code when there is one; never the request (it holds the token). */
function errorText(err: unknown): string {
  const code = slackErrorCode(err);
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}
