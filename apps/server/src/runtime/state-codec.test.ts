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
    expect(JSON.parse(stored.state)).toEqual({
      version: 1,
      predicates: { name: "Ada", extra: "" },
      inputs: ["HI"],
    });
    expect(stored.learned).toBeUndefined();
    expect(decodeState(bot, stored.state)).toEqual(state);
  });

  it("writes learned categories apart: new ones only, all of them when the list was replaced", () => {
    const learned: Array<{ pattern: string }> = [];
    const state = { version: 1, predicates: { name: "Ada" }, learned };
    const first = encodeState(bot, state);
    expect(JSON.parse(first.state).learned).toBeUndefined();
    expect(first.learned).toEqual({ from: 0, json: "[]" });
    expect(encodeState(bot, state).learned).toBeUndefined();
    learned.push({ pattern: "A" });
    // The stored list was empty: writing from 0 replaces it.
    expect(encodeState(bot, state).learned).toEqual({ from: 0, json: '[{"pattern":"A"}]' });
    learned.push({ pattern: "B" }, { pattern: "C" });
    expect(encodeState(bot, state).learned).toEqual({
      from: 1,
      json: '[{"pattern":"B"},{"pattern":"C"}]',
    });
    expect(encodeState(bot, state).learned).toBeUndefined();

    // Read back, it is whole again; unchanged, it is not rewritten; a new array is written in full.
    const loaded = decodeState(bot, first.state, '[{"pattern":"A"},{"pattern":"B"},{"pattern":"C"}]');
    expect(loaded).toEqual({ version: 1, predicates: { name: "Ada", mood: "calm" }, learned });
    expect(encodeState(bot, loaded).learned).toBeUndefined();
    const typed = loaded as typeof state;
    const forgotten = { ...typed, learned: typed.learned.filter((c) => c.pattern !== "B") };
    expect(encodeState(bot, forgotten).learned).toEqual({
      from: 0,
      json: '[{"pattern":"A"},{"pattern":"C"}]',
    });
  });

  it("still reads states written with the learned categories inside", () => {
    const old = JSON.stringify({ version: 1, predicates: {}, learned: [{ pattern: "OLD" }] });
    const state = decodeState(bot, old) as { learned: unknown[] };
    expect(state.learned).toEqual([{ pattern: "OLD" }]);
    // The first write after the upgrade moves them to their own row.
    expect(encodeState(bot, state).learned).toEqual({ from: 0, json: '[{"pattern":"OLD"}]' });
  });

  it("stores states of another shape unchanged", () => {
    expect(decodeState(bot, encodeState(bot, { other: [1, 2] }).state)).toEqual({ other: [1, 2] });
  });
});
