export { deliver, sendTyping } from "./sender.js";
export { TypingIndicator } from "./typing.js";
