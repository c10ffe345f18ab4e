export type { MessageBody } from "./api/message-body.js";
export { createWebchatChannel, type WebchatChannel } from "./channel.js";
export { fromEnv, WEBCHAT_VARIABLES } from "./from-env.js";
export { WEBCHAT_DEFAULTS, WEBCHAT_PATHS, type WebchatOptions } from "./options.js";
