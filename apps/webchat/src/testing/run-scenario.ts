// `node dist/testing/run-scenario.js <base-url> [demo-bot | demo-backend | scenario.json]`: the browser
// scenario against a running Parley (default: the demo bot's AIML). Exit code 0 when every step passed.
import { readFileSync } from "node:fs";
import {
  DEMO_BOT_SCENARIO,
  DEMO_SCENARIO,
  runWebchatScenario,
  type WebchatScenario,
} from "./browser-scenario.js";

const [baseUrl, scenarioFile] = process.argv.slice(2);
if (!baseUrl) {
  console.error(
    "usage: run-scenario <base-url> [demo-bot | demo-backend | scenario.json]   e.g. run-scenario http://127.0.0.1:3000",
  );
  process.exit(2);
}
const scenario: WebchatScenario =
  !scenarioFile || scenarioFile === "demo-bot"
    ? DEMO_BOT_SCENARIO
    : scenarioFile === "demo-backend"
      ? DEMO_SCENARIO
      : { ...DEMO_BOT_SCENARIO, ...JSON.parse(readFileSync(scenarioFile, "utf8")) };
try {
  await runWebchatScenario(baseUrl, scenario);
  console.log(`web chat scenario passed against ${baseUrl}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
