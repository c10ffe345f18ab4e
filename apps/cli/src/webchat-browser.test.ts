import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_BOT_SCENARIO, runWebchatScenario } from "@parley/webchat/testing";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type StartedParley, startParley } from "./start/run-start.js";

// The README's promise, in a real browser: `parley start` with the embedded server and the demo
// bot's AIML, used through the web chat page as a person would.
describe("the web chat of parley start in headless Chromium", { timeout: 120_000 }, () => {
  let dir: string;
  let parley: StartedParley;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-browser-"));
    parley = await startParley({
      cwd: dir,
      print: () => {},
      env: { PORT: "0", LOG_LEVEL: "silent", PARLEY_DATA_DIR: dir },
    });
  }, 60_000);
  afterAll(async () => {
    await parley?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers, follows a button rendered from the demo bot's AIML, and remembers the name after a reload", async () => {
    await runWebchatScenario(parley.listener.url, DEMO_BOT_SCENARIO, {
      timeoutMs: 20_000,
      extra: async (page, say) => {
        // The demo bot's pictures live on the internet; the test machine stays on loopback.
        await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
        await say("card");
        await page.getByText("The lighthouse").last().waitFor({ timeout: 20_000 });
        await page.getByRole("button", { name: "Tell me more", exact: true }).last().click();
        await page.getByText("It guides ships home at night").last().waitFor({ timeout: 20_000 });
        await say("carousel");
        await page.getByRole("button", { name: "Pick the coast", exact: true }).last().click();
        await say("where am I going");
        await page.getByText("You are going to the coast").last().waitFor({ timeout: 20_000 });
      },
    });
  });
});
