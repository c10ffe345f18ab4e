// Malformed and oversized bodies on the Events API route: a clear 4xx, nothing processed, the next
// genuine event still answered.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./receiver.js";
import { captureLogger } from "./testing/capture-logger.js";
import { slackSignature } from "./testing/signed-request.js";
import {
  dmEvent,
  type SlackHarness,
  startHttpHarness,
  TEST_SIGNING_SECRET,
} from "./testing/slack-harness.js";

function postSignedRaw(url: string, body: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, ts, body),
    },
    body,
  });
}

describe("Slack Events API route with a bad body", () => {
  let h: SlackHarness;
  const logger = captureLogger();
  beforeEach(async () => {
    logger.lines.length = 0;
    h = await startHttpHarness({ logger });
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers a correctly signed but malformed JSON body with 400 and processes nothing", async () => {
    const res = await postSignedRaw(h.eventsUrl, '{"type":"event_callback","event":{"type":"mess');
    expect(res.status).toBe(400);

    expect((await h.sendEvent(dmEvent("after the garbage"))).status).toBe(200);
    await h.fake.waitForPosts(1);
    expect(h.bot.inputs).toEqual(["after the garbage"]);
  });

  it("answers a body over the limit with 413, processes nothing, and logs no secret", async () => {
    const filler = "x".repeat(MAX_BODY_BYTES);
    const huge = JSON.stringify({ type: "event_callback", event: dmEvent(`big ${filler}`) });
    const res = await postSignedRaw(h.eventsUrl, huge);
    expect(res.status).toBe(413);

    expect((await h.sendEvent(dmEvent("after the big one"))).status).toBe(200);
    await h.fake.waitForPosts(1);
    expect(h.bot.inputs).toEqual(["after the big one"]);
    expect(JSON.stringify(logger.lines)).toContain("maximum allowed size");
    expect(JSON.stringify(logger.lines)).not.toContain(TEST_SIGNING_SECRET);
  });

  it("accepts a body just under the limit", async () => {
    // Padding in a field the channel ignores, so only the size is under test.
    const res = await h.sendEvent({ ...dmEvent("just under"), padding: "y".repeat(MAX_BODY_BYTES - 4096) });
    expect(res.status).toBe(200);
    await h.fake.waitForPosts(1);
    expect(h.bot.inputs).toEqual(["just under"]);
  });
});
