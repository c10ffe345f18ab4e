export { deliver, sendTyping } from "./sender.js";
export { ChannelLanes } from "./serial.js";
export { TypingIndicator } from "./typing.js";
