import { afterEach, describe, expect, it } from "vitest";
import { personalMessage } from "./testing/activities.js";
import { captureLogger } from "./testing/capture-logger.js";
import { startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

describe("replies the Bot Connector throttles or fails are retried with backoff, in order", () => {
  let h: TeamsHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("keeps retrying through a burst of 429s (beyond the connector client's own retries) and keeps the order", async () => {
    const logger = captureLogger();
    h = await startTeamsHarness({ logger });
    // The SDK's pipeline retries 3 times by itself; six 429s in a row outlast it, so Parley's retry runs too.
    h.fake.failNext(...Array.from({ length: 6 }, () => ({ status: 429, retryAfter: "0" })));
    await h.post(personalMessage(h.fake.serviceUrl, "split"));
    const replies = await h.fake.waitForMessages(2);

    expect(replies.map((r) => r.activity.text)).toEqual(["One", "Two"]);
    expect(h.fake.attempts.filter((a) => a.status === 429).map((a) => a.text)).toEqual(Array(6).fill("One"));
    expect(
      logger.lines.some((l) => l.msg === "Bot Connector failed a reply; retrying" && l.data.status === 429),
    ).toBe(true);
  });

  it("retries a 503 and delivers later replies of the same conversation after it, not before", async () => {
    h = await startTeamsHarness();
    h.fake.failNext({ status: 503, retryAfter: "0" }, { status: 503, retryAfter: "0" });
    await h.post(personalMessage(h.fake.serviceUrl, "my name is Ann"));
    await h.post(personalMessage(h.fake.serviceUrl, "what is my name"));
    const replies = await h.fake.waitForMessages(2);

    expect(replies.map((r) => r.activity.text)).toEqual(["Nice to meet you, Ann.", "Your name is Ann."]);
  });

  it("gives up on a reply the connector refuses (400) without retrying, and still sends the next one", async () => {
    const logger = captureLogger();
    h = await startTeamsHarness({ logger });
    h.fake.failNext({ status: 400 });
    await h.post(personalMessage(h.fake.serviceUrl, "first"));
    await h.fake.waitUntil(() => h?.fake.attempts.length === 1, "the refused attempt");
    await h.post(personalMessage(h.fake.serviceUrl, "second"));
    const replies = await h.fake.waitForMessages(1);

    expect(replies.map((r) => r.activity.text)).toEqual(["You said: second"]);
    expect(h.fake.attempts.filter((a) => a.status === 400)).toHaveLength(1);
    const failed = logger.lines.find((l) => l.msg === "channel failed to send a reply");
    expect(failed?.data.err).toMatchObject({ code: "TEAMS_SEND_FAILED", status: 400 });
    expect((failed?.data.err as Error | undefined)?.message).toMatch(
      /^Bot Connector at 127\.0\.0\.1:\d+ refused a reply \(HTTP 400\)$/,
    );
  });
});
