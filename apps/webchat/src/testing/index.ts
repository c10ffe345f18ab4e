// Test helpers other packages may reuse (e.g. the CLI's end-to-end test of `parley start`).
export {
  DEMO_BOT_SCENARIO,
  DEMO_SCENARIO,
  runWebchatScenario,
  type ScenarioOptions,
  type WebchatScenario,
} from "./browser-scenario.js";
export {
  CHROMIUM_FLAGS,
  CHROMIUM_INSTALL_COMMAND,
  chromiumPath,
  isLoopbackUrl,
  launchPhoneBrowser,
  type PhoneBrowser,
} from "./chromium.js";
export { DemoTalkBackend } from "./demo-backend.js";
export { DEMO_MEDIA_PATH, demoMediaRoutes, demoMediaUrl } from "./demo-media.js";
export { startDemoWebchat } from "./start-demo.js";
