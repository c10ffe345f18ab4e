// The Teams channel: botbuilder's CloudAdapter takes the Bot Connector's activities in (JWT checked),
// the gateway gets Inbounds, replies go back to each activity's serviceUrl as Teams activities.
import type { Address, Channel, GatewayPort, HttpRoute, Logger, Reply } from "@parley/core";
import { noopLogger } from "@parley/core";
import type { Activity, TurnContext } from "botbuilder";
import type { ServiceClientCredentialsFactory } from "botframework-connector";
import { type BotFrameworkEndpoints, createBotFrameworkAuth } from "./auth/bot-framework-auth.js";
import { ParleyCloudAdapter } from "./auth/parley-cloud-adapter.js";
import { DEFAULT_TEAMS_GREETING, TEAMS_MESSAGES_PATH, type TeamsAuth } from "./config.js";
import { messagesRoute } from "./http/messages-route.js";
import {
  conversationUpdateToInbound,
  type InboundDecision,
  messageToInbound,
} from "./inbound/activity-to-inbound.js";
import { type ConversationKind, referenceFromAddress } from "./inbound/address-meta.js";
import { renderReply } from "./render/render-reply.js";
import { DEFAULT_RETRY, type RetryOptions } from "./transport/retry-policy.js";
import { TeamsSender } from "./transport/teams-sender.js";

export interface TeamsChannelOptions {
  auth: TeamsAuth;
  /** The bot's input when it is added to a conversation. Default "hello". */
  greeting?: string;
  /** Where the Bot Connector posts. Default /api/messages. */
  path?: string;
  logger?: Logger;
  /** Token issuer, signing-key metadata and login endpoints; the public Azure cloud by default. */
  endpoints?: Partial<BotFrameworkEndpoints>;
  /** How the bot gets tokens for its replies; by default from the app id and password (MSAL). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  retry?: Partial<RetryOptions>;
}

export interface TeamsChannel extends Channel {
  readonly routes: readonly HttpRoute[];
  readonly authenticated: boolean;
}

export function createTeamsChannel(options: TeamsChannelOptions): TeamsChannel {
  const logger = options.logger ?? noopLogger;
  const greeting = options.greeting ?? DEFAULT_TEAMS_GREETING;
  const unauthenticated = options.auth.kind === "unauthenticated";
  const appId = options.auth.kind === "bot" ? options.auth.appId : "";
  const adapter = new ParleyCloudAdapter(
    createBotFrameworkAuth(options.auth, options.endpoints, options.credentialsFactory),
  );
  adapter.onTurnError = async (_context, err) => {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "Teams turn failed");
  };
  const sender = new TeamsSender({
    adapter,
    appId,
    logger,
    retry: { ...DEFAULT_RETRY, ...options.retry },
  });
  let gateway: GatewayPort | undefined;
  let accepting = false;

  const take = async (decision: InboundDecision, activity: Partial<Activity>) => {
    if (!decision.answer) {
      logger.debug({ reason: decision.reason, type: activity.type }, "Teams activity not answered");
      return;
    }
    if (!gateway) return;
    const outcome = await gateway.receive(decision.inbound);
    if (outcome.status !== "accepted") logger.info({ status: outcome.status }, "Teams message not queued");
  };

  // Runs inside the request: the gateway only accepts here, so Teams gets its 200 long before the answer.
  const logic = async (context: TurnContext) => {
    const activity = context.activity;
    if (activity.type === "message") await take(messageToInbound(activity), activity);
    else if (activity.type === "conversationUpdate")
      await take(conversationUpdateToInbound(activity, greeting), activity);
    else logger.debug({ type: activity.type }, "Teams activity type not handled");
  };

  const routes = [
    messagesRoute({
      path: options.path ?? TEAMS_MESSAGES_PATH,
      adapter,
      logic,
      isAccepting: () => accepting,
      loopbackOnly: unauthenticated,
      logger,
    }),
  ];

  return {
    name: "teams",
    routes,
    authenticated: !unauthenticated,

    async start(port: GatewayPort) {
      gateway = port;
      accepting = true;
      if (unauthenticated) {
        logger.warn(
          "!!! Teams channel in UNAUTHENTICATED local mode (PARLEY_TEAMS_ALLOW_UNAUTHENTICATED=true): " +
            "no Bot Framework token is checked; anyone who can reach the listener can talk as anyone. " +
            "Loopback only; never expose this to a network !!!",
        );
      } else {
        logger.info({ appId }, "Teams channel started");
      }
    },

    async stop() {
      accepting = false;
      await sender.drain();
    },

    async send(to: Address, reply: Reply) {
      const reference = referenceFromAddress(to.conversationId, to.meta, to.replyTo);
      const steps = renderReply(reply, {
        conversationType: (to.meta?.conversationType as ConversationKind | undefined) ?? "personal",
        ...(to.meta?.userId ? { userId: to.meta.userId } : {}),
      });
      await sender.deliver(reference, steps);
    },

    async typing(to: Address) {
      await sender.typing(referenceFromAddress(to.conversationId, to.meta, to.replyTo));
    },
  };
}
