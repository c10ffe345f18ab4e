// The web chat as a person uses it, in a real browser: reusable against any running Parley (pass
// its base URL), e.g. `parley start` with the demo bot's AIML.
import type { Page } from "playwright-core";
import { launchPhoneBrowser } from "./chromium.js";

export interface WebchatScenario {
  /** Tells the bot a name, e.g. "my name is Ada". */
  tellName: string;
  /** What the bot answers to it (substring), e.g. "Ada". */
  tellNameAnswer: string;
  /** Makes the bot answer with buttons, e.g. "buttons". */
  askButtons: string;
  /** The label of the button to click. */
  buttonLabel: string;
  /** What the bot answers to the button's postback (substring). */
  buttonAnswer: string;
  /** Asks for the name again after a reload, e.g. "what is my name". */
  askName: string;
  /** The answer must contain this (the name given before the reload). */
  askNameAnswer: string;
}

export const DEMO_SCENARIO: WebchatScenario = {
  tellName: "my name is Ada",
  tellNameAnswer: "Nice to meet you, Ada",
  askButtons: "buttons",
  buttonLabel: "Yes",
  buttonAnswer: "Great, I like you too",
  askName: "what is my name",
  askNameAnswer: "Ada",
};

/** The same walk through the demo bot's AIML (apps/server/demo-bot), for `parley start` tests. */
export const DEMO_BOT_SCENARIO: WebchatScenario = {
  tellName: "my name is Ada",
  tellNameAnswer: "Pleased to meet you, Ada",
  askButtons: "buttons",
  buttonLabel: 'Send "hello"',
  buttonAnswer: "Hello, Ada!",
  askName: "what is my name",
  askNameAnswer: "Your name is Ada",
};

export interface ScenarioOptions {
  /** Longest wait for one answer. Default 15 s. */
  timeoutMs?: number;
  /** Extra checks on the open page (after the main scenario, before closing). */
  extra?: (page: Page, say: (text: string) => Promise<void>) => Promise<void>;
}

/** Throws an Error naming the step that failed; resolves when every step passed. */
export async function runWebchatScenario(
  baseUrl: string,
  scenario: WebchatScenario = DEMO_SCENARIO,
  options: ScenarioOptions = {},
): Promise<void> {
  const timeout = options.timeoutMs ?? 15_000;
  const browser = await launchPhoneBrowser();
  try {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const url = new URL("/", baseUrl).toString();

    const step = async (name: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
        const errors = pageErrors.length ? ` (page errors: ${pageErrors.join("; ")})` : "";
        throw new Error(`web chat scenario, step "${name}" failed: ${detail}${errors}`);
      }
    };
    const say = async (text: string) => {
      await page.getByLabel("Message").fill(text);
      await page.getByLabel("Message").press("Enter");
    };
    const botSays = (text: string) =>
      page.locator("#log .msg.bot", { hasText: text }).last().waitFor({ state: "visible", timeout });

    await step("load the page", async () => {
      await page.goto(url, { waitUntil: "load", timeout });
      await page.getByLabel("Message").waitFor({ timeout });
    });
    await step("tell the bot a name", async () => {
      await say(scenario.tellName);
      await page.locator("#log .msg.user", { hasText: scenario.tellName }).waitFor({ timeout });
      await botSays(scenario.tellNameAnswer);
    });
    await step("fit a phone screen without sideways scrolling", async () => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) throw new Error(`the page is ${overflow}px wider than the screen`);
    });
    await step("get buttons and click one", async () => {
      await say(scenario.askButtons);
      const button = page.getByRole("button", { name: scenario.buttonLabel, exact: true }).last();
      await button.waitFor({ state: "visible", timeout });
      await button.click();
      await page.locator("#log .msg.user", { hasText: scenario.buttonLabel }).last().waitFor({ timeout });
      await botSays(scenario.buttonAnswer);
    });
    await step("reload and be remembered", async () => {
      await page.reload({ waitUntil: "load", timeout });
      await say(scenario.askName);
      await botSays(scenario.askNameAnswer);
    });
    if (options.extra) await step("extra checks", () => options.extra?.(page, say) ?? Promise.resolve());
    if (pageErrors.length) throw new Error(`web chat page threw: ${pageErrors.join("; ")}`);
  } finally {
    await browser.close();
  }
}
