import type { HttpRoute } from "@parley/core";
import { createGateway, MemoryInterlocutorStore } from "@parley/core";
import { afterEach, describe, expect, it } from "vitest";
import { createTeamsChannel } from "./channel.js";
import { personalMessage } from "./testing/activities.js";
import { captureLogger } from "./testing/capture-logger.js";
import { MemoryBot } from "./testing/memory-bot.js";
import { serveChannelRoutes, startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

/**
 * The routes as if their requests had arrived on `address`: tests never send traffic off loopback,
 * so a non-loopback arrival is simulated on the socket the request came in on.
 */
function arrivingOn(address: string, routes: readonly HttpRoute[]): HttpRoute[] {
  return routes.map((route) => ({
    ...route,
    handler(req, res) {
      Object.defineProperty(req.socket, "localAddress", { value: address, configurable: true });
      return route.handler(req, res);
    },
  }));
}

describe("unauthenticated local mode (PARLEY_TEAMS_ALLOW_UNAUTHENTICATED=true)", () => {
  let h: TeamsHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("answers activities without a token, and warns loudly at start", async () => {
    const logger = captureLogger();
    h = await startTeamsHarness({ authenticated: false, logger });
    const res = await h.post(personalMessage(h.fake.serviceUrl, "hi"));
    expect(res.status).toBe(200);
    const [reply] = await h.fake.waitForMessages(1);

    expect(reply?.activity.text).toBe("You said: hi");
    expect(reply?.authorization).toBeUndefined();
    const warning = logger.lines.find((l) => l.level === "warn" && l.msg.includes("UNAUTHENTICATED"));
    expect(warning?.msg).toMatch(/never expose this to a network/);
  });

  it("refuses requests that reach the listener on a non-loopback address", async () => {
    const logger = captureLogger();
    const channel = createTeamsChannel({ auth: { kind: "unauthenticated" }, logger });
    const bot = new MemoryBot();
    const gateway = createGateway({
      bot: "t",
      backend: bot,
      store: new MemoryInterlocutorStore(),
      channels: [channel],
    });
    await gateway.start();
    // 192.0.2.10 is a documentation address (TEST-NET-1): only ever simulated, never contacted.
    const outside = await serveChannelRoutes(arrivingOn("192.0.2.10", channel.routes ?? []), "127.0.0.1");
    const inside = await serveChannelRoutes(channel.routes ?? [], "127.0.0.1");
    try {
      const post = (port: number) =>
        fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "from outside"), type: "event" }),
        });
      expect((await post(outside.address.port)).status).toBe(403);
      expect((await post(inside.address.port)).status).toBe(200);
      expect(logger.lines.some((l) => l.level === "error" && /did not arrive on loopback/.test(l.msg))).toBe(
        true,
      );
    } finally {
      await gateway.stop();
      await outside.close();
      await inside.close();
    }
  });
});
