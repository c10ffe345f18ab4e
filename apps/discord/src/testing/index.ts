// The fake Discord, for tests of this package and of anything that runs the Discord channel (`parley start`).
export {
  FakeDiscord,
  type FakeDiscordOptions,
  type InteractionCallback,
  type PostedMessage,
  type Sent,
} from "./fake-discord.js";
export { type FakeUser, user as fakeUser } from "./payloads.js";
