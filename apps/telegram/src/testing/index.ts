export { type BotApiCall, type BotApiError, FakeBotApi, type FakeBotUser } from "./fake-bot-api.js";
export * from "./updates.js";
