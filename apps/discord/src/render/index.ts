export { type OutgoingMessage, type OutgoingStep, renderReply } from "./compose.js";
export { PostbackCodec } from "./postbacks.js";
export { escapeText, splitText } from "./text.js";
