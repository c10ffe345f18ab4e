import { describe, expect, it } from "vitest";
import { createSlackChannel } from "./channel.js";
import { FakeSlack } from "./testing/fake-slack.js";

const noGateway = {
  receive: async () => ({ status: "accepted" as const }),
  ask: async () => {
    throw new Error("not used");
  },
};

describe("starting the Slack channel", () => {
  it("fails with a typed error when Slack refuses the bot token, without showing it", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-the-right-one" });
    try {
      const channel = createSlackChannel({
        botToken: "xoxb-wrong-token",
        mode: { kind: "http", signingSecret: "s" },
        apiUrl: fake.apiUrl,
      });
      const error = await channel.start(noGateway).then(
        () => undefined,
        (err: unknown) => err as Error & { code: string },
      );
      expect(error?.code).toBe("SLACK_AUTH_FAILED");
      expect(error?.message).toContain("invalid_auth");
      expect(error?.message).not.toContain("xoxb-wrong-token");
    } finally {
      await fake.close();
    }
  });

  it("fails with a typed error when Socket Mode's app token is refused", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-t", appToken: "xapp-right" });
    try {
      const channel = createSlackChannel({
        botToken: "xoxb-t",
        mode: { kind: "socket", appToken: "xapp-wrong" },
        apiUrl: fake.apiUrl,
      });
      const error = await channel.start(noGateway).then(
        () => undefined,
        (err: unknown) => err as Error & { code: string },
      );
      expect(error?.code).toBe("SLACK_AUTH_FAILED");
      expect(error?.message).toContain("SLACK_APP_TOKEN");
      expect(error?.message).not.toContain("xapp-wrong");
      await channel.stop();
    } finally {
      await fake.close();
    }
  });

  it("tells apart an unreachable Web API from a refused token", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-t" });
    const deadUrl = fake.apiUrl;
    await fake.close();
    const channel = createSlackChannel({
      botToken: "xoxb-t",
      mode: { kind: "http", signingSecret: "s" },
      apiUrl: deadUrl,
    });
    const error = await channel.start(noGateway).then(
      () => undefined,
      (err: unknown) => err as Error & { code: string },
    );
    expect(error?.code).toBe("SLACK_UNREACHABLE");
  });

  it("tells Slack to retry later (503) while the channel is not running", async () => {
    const fake = await FakeSlack.start({ botToken: "xoxb-t" });
    const { serveRoutes } = await import("./testing/route-server.js");
    const channel = createSlackChannel({
      botToken: "xoxb-t",
      mode: { kind: "http", signingSecret: "s" },
      apiUrl: fake.apiUrl,
    });
    const server = await serveRoutes(channel.routes ?? []);
    try {
      const res = await fetch(server.url("/slack/events"), { method: "POST", body: "{}" });
      expect(res.status).toBe(503);
    } finally {
      await server.close();
      await fake.close();
    }
  });
});
