export { decodeHtmlEntities } from "./markup-tree.js";
export { parseReply } from "./parse-reply.js";
export { buttonToText, messageToText, partToText, replyToText } from "./reply-to-text.js";
