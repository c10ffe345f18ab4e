export { createSlackChannel, type SlackChannel, type SlackChannelOptions } from "./channel.js";
export {
  DEFAULT_SLACK_API_URL,
  fromEnv,
  readSlackConfig,
  SLACK_EVENTS_PATH,
  type SlackConfig,
  type SlackMode,
} from "./config.js";
export { SlackAuthError, SlackSendError, SlackUnreachableError } from "./errors.js";
export { blockActionToInbound } from "./inbound/block-action.js";
export { messageEventToInbound } from "./inbound/message-event.js";
export { renderReply, type SlackStep } from "./render/render-reply.js";
