// Test helpers for anyone driving the Slack channel end to end (e.g. `parley start` tests).
export { type CapturedLine, captureLogger } from "./capture-logger.js";
export { FakeSlack, type FakeSlackOptions, type PostedMessage } from "./fake-slack.js";
export { LONG_ANSWER_WORDS, MemoryBot } from "./memory-bot.js";
export { type RouteServer, serveRoutes } from "./route-server.js";
export {
  postSlackEvent,
  postSlackInteraction,
  type SlackPostOptions,
  slackSignature,
} from "./signed-request.js";
export {
  channelMessageEvent,
  dmEvent,
  eventEnvelope,
  mentionEvent,
  nextTs,
  type SlackHarness,
  type SocketHarness,
  startHttpHarness,
  startSocketHarness,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./slack-harness.js";
