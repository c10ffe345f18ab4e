export { createTelegramChannel, type TelegramChannel } from "./channel.js";
export { DEFAULT_WEBHOOK_PATH, fromEnv, telegramOptionsFromEnv } from "./config.js";
export { TelegramSendError, TelegramStartError } from "./errors.js";
export type { BotIdentity } from "./inbound/addressing.js";
export { DEFAULT_API_ROOT, DEFAULTS, type TelegramChannelOptions } from "./options.js";
export type { Outgoing } from "./render/outgoing.js";
export { renderReply } from "./render/render-reply.js";
