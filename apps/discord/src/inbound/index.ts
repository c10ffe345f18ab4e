export { decidePress, type PressDecision } from "./interaction.js";
export { stripBotMention } from "./mention.js";
export { decideMessage, type MessageDecision } from "./message.js";
