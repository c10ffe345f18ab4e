import { networkInterfaces } from "node:os";
import { createGateway, MemoryInterlocutorStore } from "@parley/core";
import { afterEach, describe, expect, it } from "vitest";
import { createTeamsChannel } from "./channel.js";
import { personalMessage } from "./testing/activities.js";
import { captureLogger } from "./testing/capture-logger.js";
import { MemoryBot } from "./testing/memory-bot.js";
import { serveChannelRoutes, startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

const externalIPv4 = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

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

  it.skipIf(!externalIPv4)("refuses requests that reach the listener on a non-loopback address", async () => {
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
    const server = await serveChannelRoutes(channel.routes, "0.0.0.0");
    const port = server.address.port;
    try {
      const post = (host: string) =>
        fetch(`http://${host}:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "from outside"), type: "event" }),
        });
      expect((await post(externalIPv4 as string)).status).toBe(403);
      expect((await post("127.0.0.1")).status).toBe(200);
      expect(logger.lines.some((l) => l.level === "error" && /did not arrive on loopback/.test(l.msg))).toBe(
        true,
      );
    } finally {
      await gateway.stop();
      await server.close();
    }
  });
});
