// Launches the system Chromium (Debian package) through playwright-core, with a throwaway profile.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const path = env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: the web chat browser test needs it. Install it with \`${CHROMIUM_INSTALL_COMMAND}\` (or point PARLEY_CHROMIUM at a Chromium binary).`,
    );
  }
  return path;
}

/** True for URLs a test browser may fetch: loopback only (and URLs with no host, like data:). */
export function isLoopbackUrl(url: URL): boolean {
  if (!/^(https?|wss?):$/.test(url.protocol)) return true;
  return (
    /^127\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname === "localhost" || url.hostname === "[::1]"
  );
}

export interface PhoneBrowser {
  context: BrowserContext;
  /** URLs the browser tried to fetch outside loopback; each was aborted. */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * A phone-sized browser context (390x844, touch) on a temporary user-data-dir. Requests outside
 * loopback are aborted, so no browser test reaches the internet (e.g. a bot's pictures on a CDN).
 */
export async function launchPhoneBrowser(): Promise<PhoneBrowser> {
  const executablePath = chromiumPath();
  const userDataDir = await mkdtemp(join(tmpdir(), "parley-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const blocked: string[] = [];
  await context.route(
    (url) => !isLoopbackUrl(url),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return {
    context,
    blocked,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
