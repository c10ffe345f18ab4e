import { describe, expect, it } from "vitest";
import { dmEvent, startHttpHarness } from "./testing/slack-harness.js";

describe("stopping the Slack channel", () => {
  it("finishes answering what was accepted, then tells Slack to retry new events later", async () => {
    const h = await startHttpHarness();
    try {
      const release = h.bot.hold();
      expect((await h.sendEvent(dmEvent("last words"))).status).toBe(200);
      const stopped = h.stop();
      release();
      await stopped;

      expect(h.fake.posts.map((p) => p.text)).toEqual(["You said: last words"]);
      const late = await h.sendEvent(dmEvent("too late"));
      expect(late.status).toBe(503);
      expect(late.headers.get("retry-after")).toBe("60");
      expect(h.bot.inputs).toEqual(["last words"]);
    } finally {
      await h.close();
    }
  });
});
