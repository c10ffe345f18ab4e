export { type BotFrameworkEndpoints, PUBLIC_CLOUD } from "./auth/bot-framework-auth.js";
export { createTeamsChannel, type TeamsChannel, type TeamsChannelOptions } from "./channel.js";
export {
  DEFAULT_TEAMS_GREETING,
  fromEnv,
  isLoopbackHost,
  readTeamsConfig,
  TEAMS_MESSAGES_PATH,
  type TeamsAuth,
  type TeamsConfig,
} from "./config.js";
export { TeamsSendError } from "./errors.js";
export {
  conversationUpdateToInbound,
  type InboundDecision,
  messageToInbound,
  POSTBACK_KEY,
} from "./inbound/activity-to-inbound.js";
export { type RenderTarget, renderReply, type TeamsStep } from "./render/render-reply.js";
export type { RetryOptions } from "./transport/retry-policy.js";
