// Test helpers for driving the Teams channel end to end (also usable by `parley start` tests).
export {
  ALICE,
  BOB,
  BOT,
  botAdded,
  buttonPress,
  channelMessage,
  groupChatMessage,
  type Person,
  personalMessage,
  TENANT_ID,
} from "./activities.js";
export { captureLogger, type LogLine } from "./capture-logger.js";
export {
  FAKE_KEY_ID,
  FakeBotConnector,
  type FakeBotConnectorOptions,
  type InjectedFailure,
  type ReceivedActivity,
  signToken,
  strangerKey,
} from "./fake-bot-connector.js";
export { FakeConnectorCredentials } from "./fake-credentials.js";
export { MemoryBot } from "./memory-bot.js";
export {
  type HarnessOptions,
  serveChannelRoutes,
  startTeamsHarness,
  TEST_APP_ID,
  TEST_APP_PASSWORD,
  type TeamsHarness,
} from "./teams-harness.js";
