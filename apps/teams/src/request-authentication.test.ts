import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personalMessage } from "./testing/activities.js";
import { captureLogger } from "./testing/capture-logger.js";
import { FAKE_KEY_ID, signToken, strangerKey } from "./testing/fake-bot-connector.js";
import { startTeamsHarness, TEST_APP_ID, type TeamsHarness } from "./testing/teams-harness.js";

describe("every request's Bot Framework JWT is validated (keys from a local OpenID metadata document)", () => {
  let h: TeamsHarness;
  const logger = captureLogger();
  beforeEach(async () => {
    logger.lines.length = 0;
    h = await startTeamsHarness({ logger });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Posts `activity` with `authorization`, then proves nothing reached the bot or the connector. */
  const expectRejected = async (authorization: string | null) => {
    const res = await h.post(personalMessage(h.fake.serviceUrl, "secret question"), { authorization });
    expect(res.status).toBe(401);
    // A valid request afterwards is answered, and it is the only thing the bot ever heard.
    await h.post(personalMessage(h.fake.serviceUrl, "ping"));
    await h.fake.waitForMessages(1);
    expect(h.bot.inputs).toEqual(["ping"]);
    expect(h.fake.messages.map((m) => m.activity.text)).toEqual(["You said: ping"]);
  };

  it("accepts a token signed with the published key for this bot and serviceUrl", async () => {
    const res = await h.post(personalMessage(h.fake.serviceUrl, "hi"));
    expect(res.status).toBe(200);
    await h.fake.waitForMessages(1);
  });

  it("rejects a request without a token", async () => {
    await expectRejected(null);
    expect(logger.lines.some((l) => l.level === "warn" && /missing or invalid/.test(l.msg))).toBe(true);
  });

  it("rejects a token signed by a key the metadata does not publish", async () => {
    const forged = signToken(strangerKey(), FAKE_KEY_ID, {
      iss: h.fake.issuer,
      aud: TEST_APP_ID,
      serviceurl: h.fake.serviceUrl,
      expiresInSeconds: 600,
    });
    await expectRejected(`Bearer ${forged}`);
  });

  it("rejects a token for another bot (audience)", async () => {
    await expectRejected(`Bearer ${h.fake.channelToken({ appId: "someone-elses-app-id" })}`);
  });

  it("rejects an expired token", async () => {
    // Past the SDK's five minutes of clock tolerance.
    await expectRejected(`Bearer ${h.fake.channelToken({ appId: TEST_APP_ID, expiresInSeconds: -600 })}`);
  });

  it("rejects a token minted for another serviceUrl (replies could be redirected)", async () => {
    await expectRejected(
      `Bearer ${h.fake.channelToken({ appId: TEST_APP_ID, serviceUrl: "https://attacker.example/" })}`,
    );
  });

  it("rejects garbage in the Authorization header", async () => {
    await expectRejected("Bearer not-a-jwt");
  });

  it("never logs the token", async () => {
    const token = h.fake.channelToken({ appId: "someone-elses-app-id" });
    await h.post(personalMessage(h.fake.serviceUrl, "x"), { authorization: `Bearer ${token}` });
    expect(JSON.stringify(logger.lines)).not.toContain(token);
  });
});

describe("when the signing keys cannot be fetched", () => {
  it("answers 503 (the connector retries later) rather than 401, and processes nothing", async () => {
    const logger = captureLogger();
    // A port nothing listens on: the metadata fetch fails to connect.
    const h = await startTeamsHarness({
      logger,
      endpoints: { openIdMetadataUrl: "http://127.0.0.1:9/v1/.well-known/openidconfiguration" },
    });
    try {
      const res = await h.post(personalMessage(h.fake.serviceUrl, "hi"));
      expect(res.status).toBe(503);
      expect(h.bot.inputs).toEqual([]);
      expect(logger.lines.some((l) => l.level === "error" && /signing keys/.test(l.msg))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
