// Browser tests never reach the internet: the launcher aborts every request outside loopback, so a
// bot's pictures on a CDN (like the demo bot's) fail fast and offline, the same on every machine.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWebchatScenario } from "../testing/browser-scenario.js";
import { isLoopbackUrl, launchPhoneBrowser } from "../testing/chromium.js";
import { startDemoWebchat } from "../testing/start-demo.js";

// ".invalid" never resolves: without the block this fails with a DNS error, not a client block.
const OUTSIDE = "http://pictures.example.invalid/cat.png";

let demo: Awaited<ReturnType<typeof startDemoWebchat>>;

beforeAll(async () => {
  demo = await startDemoWebchat();
});

afterAll(async () => {
  await demo?.close();
});

/** Adds an <img> pointing outside loopback; resolves with the browser's reason it failed. */
async function loadOutsideImage(page: Page): Promise<string | undefined> {
  const failed = page.waitForEvent("requestfailed", {
    predicate: (r) => r.url() === OUTSIDE,
    timeout: 10_000,
  });
  await page.evaluate((src) => {
    const img = document.createElement("img");
    img.src = src;
    document.body.append(img);
  }, OUTSIDE);
  return (await failed).failure()?.errorText;
}

describe("browser tests stay on 127.0.0.1", () => {
  it("tells loopback from the outside world", () => {
    expect(isLoopbackUrl(new URL("http://127.0.0.1:4000/"))).toBe(true);
    expect(isLoopbackUrl(new URL("http://localhost/x"))).toBe(true);
    expect(isLoopbackUrl(new URL("data:image/png;base64,AA=="))).toBe(true);
    expect(isLoopbackUrl(new URL("https://picsum.photos/200"))).toBe(false);
    expect(isLoopbackUrl(new URL("http://127.0.0.1.example.com/"))).toBe(false);
    expect(isLoopbackUrl(new URL("wss://example.com/socket"))).toBe(false);
  });

  it("the phone browser loads the local page but aborts a request to the internet", async () => {
    const browser = await launchPhoneBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(demo.url, { waitUntil: "load" });
      await page.getByLabel("Message").waitFor();
      expect(await loadOutsideImage(page)).toMatch(/^net::ERR_BLOCKED_BY_CLIENT/);
      expect(browser.blocked).toEqual([OUTSIDE]);
    } finally {
      await browser.close();
    }
  });

  it("runWebchatScenario's page (used by other packages' tests) aborts it too", async () => {
    let reason: string | undefined;
    await runWebchatScenario(demo.url, undefined, {
      async extra(page) {
        reason = await loadOutsideImage(page);
      },
    });
    expect(reason).toMatch(/^net::ERR_BLOCKED_BY_CLIENT/);
  }, 60_000);
});
