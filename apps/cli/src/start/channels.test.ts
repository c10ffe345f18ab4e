import { noopLogger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { discoverChannels } from "./channels.js";

describe("channel discovery for parley start", () => {
  it("turns on only the web chat by default and names the variable that would turn on each other channel", () => {
    const results = discoverChannels({}, { logger: noopLogger });
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(["discord", "slack", "teams", "telegram", "webchat"]);
    expect(byName.webchat?.enabled).toBe(true);
    for (const name of ["telegram", "slack", "discord", "teams"]) {
      const r = byName[name];
      expect(r?.enabled).toBe(false);
      if (r && !r.enabled) expect(r.turnOnWith).toMatch(/^[A-Z_]+/);
    }
  });

  it("turns a channel on when its credentials are present", () => {
    const results = discoverChannels(
      { TELEGRAM_BOT_TOKEN: "123456:abcdefghijklmnopqrstuvwxyz" },
      { logger: noopLogger },
    );
    expect(results.find((r) => r.name === "telegram")?.enabled).toBe(true);
  });
});
