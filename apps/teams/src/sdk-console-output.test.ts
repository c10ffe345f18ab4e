// The Bot Framework SDK prints to the console when it refuses a token. Those lines must not reach
// stdout/stderr: they go to the channel's logger, summarised, with no token, password or key in them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { personalMessage } from "./testing/activities.js";
import { captureLogger } from "./testing/capture-logger.js";
import { FAKE_KEY_ID, signToken, strangerKey } from "./testing/fake-bot-connector.js";
import {
  startTeamsHarness,
  TEST_APP_ID,
  TEST_APP_PASSWORD,
  type TeamsHarness,
} from "./testing/teams-harness.js";

const METHODS = ["error", "warn", "log", "info", "debug"] as const;

describe("the SDK's own console output on refused tokens", () => {
  // What reached the process console (recorded, then passed on as usual).
  const printed: string[] = [];
  const originals = new Map<(typeof METHODS)[number], (...args: unknown[]) => void>();
  beforeAll(() => {
    for (const method of METHODS) {
      const original = console[method];
      originals.set(method, original);
      console[method] = (...args: unknown[]) => {
        printed.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
        original.apply(console, args);
      };
    }
  });
  afterAll(() => {
    for (const [method, original] of originals) console[method] = original;
  });

  let h: TeamsHarness;
  const logger = captureLogger();
  beforeEach(async () => {
    printed.length = 0;
    logger.lines.length = 0;
    h = await startTeamsHarness({ logger });
  });
  afterEach(async () => {
    await h.close();
  });

  it("goes to the logger at debug level, never to stdout/stderr, and carries no secret", async () => {
    const expired = h.fake.channelToken({ appId: TEST_APP_ID, expiresInSeconds: -600 });
    const forged = signToken(strangerKey(), FAKE_KEY_ID, {
      iss: h.fake.issuer,
      aud: TEST_APP_ID,
      serviceurl: h.fake.serviceUrl,
      expiresInSeconds: 600,
    });
    const otherApp = h.fake.channelToken({ appId: "someone-elses-app-id" });
    for (const token of [expired, forged, otherApp]) {
      const res = await h.post(personalMessage(h.fake.serviceUrl, "x"), { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
    }

    expect(printed).toEqual([]);
    // The expired token and the forged signature each made the SDK speak (the audience check is silent).
    const sdkLines = logger.lines.filter((l) => l.msg === "Bot Framework SDK console output");
    expect(sdkLines.map((l) => [l.level, l.data.said])).toEqual([
      ["debug", "TokenExpiredError: jwt expired"],
      ["debug", "Error finding key for token. Available keys"],
    ]);
    const logged = JSON.stringify(logger.lines);
    for (const secret of [expired, forged, otherApp, TEST_APP_PASSWORD, "BEGIN", "MII"]) {
      expect(logged).not.toContain(secret);
    }
    // Answering afterwards still works, and the console outside a token check is untouched.
    await h.post(personalMessage(h.fake.serviceUrl, "ping"));
    await h.fake.waitForMessages(1);
    console.warn("outside the SDK");
    expect(printed).toEqual(["outside the SDK"]);
  });
});
