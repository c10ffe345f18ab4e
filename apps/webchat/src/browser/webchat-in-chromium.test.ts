// The web chat in real headless Chromium. Needs /usr/bin/chromium (apt-get install -y chromium):
// without it this test FAILS with the install command, it does not skip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWebchatScenario } from "../testing/browser-scenario.js";
import { chromiumPath } from "../testing/chromium.js";
import { startDemoWebchat } from "../testing/start-demo.js";

let demo: Awaited<ReturnType<typeof startDemoWebchat>>;

beforeAll(async () => {
  demo = await startDemoWebchat();
});

afterAll(async () => {
  await demo?.close();
});

describe("web chat in headless Chromium (phone-sized)", () => {
  it("finds Chromium", () => {
    expect(chromiumPath()).toMatch(/chromium/);
  });

  it("chats, clicks a bot button, and is remembered after a reload; renders every rich part", async () => {
    await runWebchatScenario(demo.url, undefined, {
      async extra(page, say) {
        await say("rich");
        const timeout = 15_000;
        // Quick replies come last, after a delay shown as typing.
        await page.getByRole("button", { name: "Large", exact: true }).waitFor({ timeout });
        const bot = page.locator("#log .msg.bot");
        expect(await page.locator("#log a[href='https://example.com/']").count()).toBeGreaterThan(0);
        expect(await bot.locator("article.card h3", { hasText: "Pizza" }).count()).toBe(1);
        expect(await bot.locator("ul.carousel > li").count()).toBe(2);
        expect(await bot.locator("img.media").count()).toBe(1);
        // Pictures come from the test server or data: URIs, and they load.
        const local = new URL(demo.url).origin;
        for (const src of await bot
          .locator("img")
          .evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")))) {
          expect(src?.startsWith("data:image/") || src?.startsWith(`${local}/`), String(src)).toBe(true);
        }
        await bot
          .locator("img.media")
          .evaluate((img: HTMLImageElement) => img.decode())
          .catch((error) => expect.fail(`the picture from the test server did not load: ${error}`));
        expect(await bot.locator("ol.list > li").allTextContents()).toEqual(["Mix", "Bake"]);
        expect(await bot.locator("ul.list > li").allTextContents()).toEqual(["salt"]);
        expect(await page.getByRole("link", { name: "Read the docs" }).count()).toBe(1);
        // The rich answer was split in two messages.
        expect(await bot.filter({ hasText: "Here is everything" }).count()).toBe(1);
        expect(await bot.filter({ hasText: "Which size?" }).count()).toBe(1);
        // A quick reply sends its postback, then the chips go away.
        await page.getByRole("button", { name: "Large", exact: true }).click();
        await bot.filter({ hasText: "Large it is." }).waitFor({ timeout });
        expect(await page.locator(".quick-replies").count()).toBe(0);
        // A URL button opens a link instead of sending.
        await say("buttons");
        const docs = page.getByRole("link", { name: "Docs", exact: true }).last();
        await docs.waitFor({ timeout });
        expect(await docs.getAttribute("href")).toBe("https://example.com/docs");
      },
    });
    expect(demo.backend.inputs).toContain("YES");
    expect(demo.backend.inputs).toContain("SIZE L");
  }, 90_000);
});
