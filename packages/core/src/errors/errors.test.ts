import { describe, expect, it } from "vitest";
import { ConfigError, isParleyError, ParleyError } from "./index.js";

describe("typed errors", () => {
  it("carry a code, a message and an optional hint", () => {
    const err = new ParleyError("TALK_FAILED", "The bot did not answer", { hint: "Check PANDORABOTS_HOST" });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("ParleyError");
    expect(err.code).toBe("TALK_FAILED");
    expect(err.message).toBe("The bot did not answer");
    expect(err.hint).toBe("Check PANDORABOTS_HOST");
    expect(isParleyError(err)).toBe(true);
    expect(isParleyError(new Error("x"))).toBe(false);
  });

  it("keep the cause for debugging", () => {
    const cause = new Error("socket hang up");
    expect(new ParleyError("X", "y", { cause }).cause).toBe(cause);
  });

  it("ConfigError lists one problem per line and keeps them as data", () => {
    const err = new ConfigError(["PORT: must be a number", "LOG_LEVEL: must be one of info, debug"]);
    expect(err).toBeInstanceOf(ParleyError);
    expect(err.name).toBe("ConfigError");
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message.split("\n")).toEqual([
      "PORT: must be a number",
      "LOG_LEVEL: must be one of info, debug",
    ]);
    expect(err.problems).toHaveLength(2);
    expect(new ConfigError("PORT: bad").problems).toEqual(["PORT: bad"]);
  });
});
