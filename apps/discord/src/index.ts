export {
  createDiscordChannel,
  DISCORD_INTENTS,
  DiscordChannel,
  type DiscordChannelOptions,
} from "./channel.js";
export { type DiscordConfig, fromEnv, readDiscordConfig } from "./config.js";
export { DiscordStartError } from "./errors.js";
export { decideMessage, decidePress, stripBotMention } from "./inbound/index.js";
export {
  type OutgoingMessage,
  type OutgoingStep,
  PostbackCodec,
  renderReply,
  splitText,
} from "./render/index.js";
export { BOT_PERMISSIONS, inviteUrl, MESSAGE_CONTENT_HINT } from "./setup-hints.js";
