import { describe, expect, it } from "vitest";
import { compileBot } from "./index.js";

describe("compileBot", () => {
  it("gives a bot whose new client state is plain JSON with pdefaults applied", () => {
    const { bot, errors } = compileBot({ aiml: [], pdefaults: [["name", "Judge"]] });
    expect(errors).toEqual([]);
    const state = bot?.newClientState();
    expect(JSON.parse(JSON.stringify(state)).predicates.name).toBe("Judge");
  });
});
