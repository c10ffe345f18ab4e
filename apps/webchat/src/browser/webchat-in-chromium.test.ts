// The web chat in real headless Chromium. Needs /usr/bin/chromium (apt-get install -y chromium):
// without it this test FAILS with the install command, it does not skip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWebchatScenario } from "../testing/browser-scenario.js";
import { chromiumPath } from "../testing/chromium.js";
import { DEMO_DELAY_SECONDS } from "../testing/demo-backend.js";
import { demoMediaUrl } from "../testing/demo-media.js";
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
        const timeout = 15_000;
        const bot = page.locator("#log .msg.bot");
        const typing = page.locator("#typing");
        // The page's timers run on a paused fake clock, so the delay lasts until the test moves it on.
        await page.clock.install();
        await page.clock.pauseAt(Date.now() + 1_000);
        await say("rich");
        // Everything before the <delay> is shown, then the bot "types" instead of answering at once.
        const video = bot.locator("video.media");
        await video.waitFor({ timeout });
        expect(await video.getAttribute("src")).toBe(demoMediaUrl(demo.url, "clip.webm"));
        expect(await video.getAttribute("controls")).not.toBeNull();
        // Fallback content for browsers without video support: a plain link to the same file.
        expect(await video.locator("a", { hasText: "Open the video" }).getAttribute("href")).toBe(
          demoMediaUrl(demo.url, "clip.webm"),
        );
        await typing.waitFor({ state: "visible", timeout });
        expect(await bot.filter({ hasText: "Which size?" }).count()).toBe(0);
        // After the delay: the typing indicator goes and the rest of the answer appears.
        await page.clock.runFor(DEMO_DELAY_SECONDS * 1000);
        await page.getByRole("button", { name: "Large", exact: true }).waitFor({ timeout });
        await typing.waitFor({ state: "hidden", timeout });
        await page.clock.resume();
        // Text: its URL is a link, <br/> a line break.
        const text = bot.locator("p", { hasText: "Here is everything" });
        expect(await text.locator("a").getAttribute("href")).toBe("https://example.com/");
        expect(await text.locator("br").count()).toBe(1);
        // Card: picture, title, subtitle and a postback button.
        const pizza = bot.locator("article.card", { hasText: "Pizza" });
        expect(await pizza.locator("h3").textContent()).toBe("Pizza");
        expect(await pizza.locator(".subtitle").textContent()).toBe("Hot & fresh");
        expect(await pizza.locator("img").getAttribute("src")).toMatch(/^data:image\//);
        expect(await pizza.getByRole("button", { name: "Order" }).count()).toBe(1);
        // Carousel: one card per item, each with its button.
        const carousel = bot.locator("ul.carousel > li");
        expect(await carousel.locator("h3").allTextContents()).toEqual(["Small", "Large"]);
        expect(await carousel.getByRole("button").allTextContents()).toEqual(["SIZE S", "SIZE L"]);
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
        // A card's postback button sends its postback.
        await pizza.getByRole("button", { name: "Order" }).click();
        await bot.filter({ hasText: "You said: ORDER" }).waitFor({ timeout });
        // A URL button opens a link instead of sending.
        await say("buttons");
        const docs = page.getByRole("link", { name: "Docs", exact: true }).last();
        await docs.waitFor({ timeout });
        expect(await docs.getAttribute("href")).toBe("https://example.com/docs");
      },
    });
    expect(demo.backend.inputs).toContain("YES");
    expect(demo.backend.inputs).toContain("SIZE L");
    expect(demo.backend.inputs).toContain("ORDER");
  }, 90_000);
});
