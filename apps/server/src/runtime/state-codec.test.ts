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

  it("encodes learned categories incrementally as the same array grows, and fully for a new array", () => {
    const learned: Array<{ pattern: string }> = [];
    const state = { version: 1, predicates: { name: "Ada" }, learned };
    expect(JSON.parse(encodeState(bot, state)).learned).toEqual([]);
    learned.push({ pattern: "A" });
    expect(JSON.parse(encodeState(bot, state)).learned).toEqual([{ pattern: "A" }]);
    learned.push({ pattern: "B" }, { pattern: "C" });
    expect(JSON.parse(encodeState(bot, state)).learned).toEqual([
      { pattern: "A" },
      { pattern: "B" },
      { pattern: "C" },
    ]);
    expect(JSON.parse(encodeState(bot, state)).learned).toHaveLength(3);
    const forgotten = { ...state, learned: learned.filter((c) => c.pattern !== "B") };
    expect(decodeState(bot, encodeState(bot, forgotten))).toEqual({
      version: 1,
      predicates: { name: "Ada", mood: "calm" },
      learned: [{ pattern: "A" }, { pattern: "C" }],
    });
  });

  it("stores states of another shape unchanged", () => {
    expect(decodeState(bot, encodeState(bot, { other: [1, 2] }))).toEqual({ other: [1, 2] });
  });
});
