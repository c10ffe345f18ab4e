import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postSlackEvent } from "./testing/signed-request.js";
import {
  dmEvent,
  type SlackHarness,
  startHttpHarness,
  TEST_SIGNING_SECRET,
} from "./testing/slack-harness.js";

describe("Slack request verification", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startHttpHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers url_verification with the challenge", async () => {
    const res = await postSlackEvent(
      h.eventsUrl,
      { type: "url_verification", token: "t", challenge: "c-123" },
      { signingSecret: TEST_SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("c-123");
  });

  it("refuses a request signed with the wrong secret, and processes nothing", async () => {
    const res = await h.sendEvent(dmEvent("forged"), { signWith: "not-the-secret" });
    expect(res.status).toBe(401);
    await h.sendEvent(dmEvent("genuine"));
    await h.fake.waitForPosts(1);
    expect(h.bot.inputs).toEqual(["genuine"]);
  });

  it("refuses a stale request (older than 5 minutes) even when correctly signed", async () => {
    const res = await h.sendEvent(dmEvent("replayed"), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await h.sendEvent(dmEvent("fresh"));
    await h.fake.waitForPosts(1);
    expect(h.bot.inputs).toEqual(["fresh"]);
  });

  it("refuses a request stamped more than 5 minutes in the future", async () => {
    const res = await h.sendEvent(dmEvent("from the future"), {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it("refuses a url_verification that is not signed", async () => {
    const res = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "url_verification", challenge: "c-9" }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("c-9");
  });

  it("refuses a body altered after signing", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "c-1" });
    const ts = Math.floor(Date.now() / 1000);
    const { slackSignature } = await import("./testing/signed-request.js");
    const res = await fetch(h.eventsUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, ts, body),
      },
      body: body.replace("c-1", "c-2"),
    });
    expect(res.status).toBe(401);
  });
});
