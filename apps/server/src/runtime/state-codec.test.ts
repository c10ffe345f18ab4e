import { describe, expect, it } from "vitest";
import type { EngineBot } from "../engine/contract.js";
import { decodeState, encodeState } from "./state-codec.js";

const bot: EngineBot = {
  size: 0,
  newClientState: () => ({ version: 1, predicates: { name: "friend", mood: "calm" }, inputs: [] }),
  respond: () => ({ responses: [], state: {} }),
};

describe("stored client state", () => {
  it("leaves out predicates still at their defaults and restores them on load", () => {
    const state = { version: 1, predicates: { name: "Ada", mood: "calm", extra: "" }, inputs: ["HI"] };
    const stored = encodeState(bot, state);
    expect(JSON.parse(stored)).toEqual({
      version: 1,
      predicates: { name: "Ada", extra: "" },
      inputs: ["HI"],
    });
    expect(decodeState(bot, stored)).toEqual(state);
  });

  it("stores states of another shape unchanged", () => {
    expect(decodeState(bot, encodeState(bot, { other: [1, 2] }))).toEqual({ other: [1, 2] });
  });
});
