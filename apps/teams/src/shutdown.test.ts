import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personalMessage } from "./testing/activities.js";
import { startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

describe("stopping the Teams channel", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers what was accepted, then turns later activities away with 503 so the connector retries", async () => {
    const accepted = await h.post(personalMessage(h.fake.serviceUrl, "last words"));
    expect(accepted.status).toBe(200);
    await h.gateway.stop();

    expect(h.fake.messages.map((m) => m.activity.text)).toEqual(["You said: last words"]);
    const late = await h.post(personalMessage(h.fake.serviceUrl, "too late"));
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).toBe("5");
    expect(h.bot.inputs).toEqual(["last words"]);
  });
});
