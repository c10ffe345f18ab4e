import { describe, expect, it } from "vitest";
import { Substituter } from "./substitutions.js";

describe("substitutions (Program AB semantics)", () => {
  it("cascade in order, case-insensitively, over every occurrence", () => {
    const s = new Substituter([
      [" I ", " you "],
      [" you ", " me "],
    ]);
    expect(s.apply("I like you and i like YOU")).toBe("me like me and me like me");
  });

  it("collapse runs of spaces and trim, even with no pairs", () => {
    expect(new Substituter([]).apply("  a   b  ")).toBe("a b");
  });

  it("follow Java replacement rules: \\c is literal, $0 is the match, another $ stops the remaining pairs", () => {
    expect(new Substituter([["x", "\\$"]]).apply("axb")).toBe("a$b");
    expect(new Substituter([["dot", "[$0]"]]).apply("a DOT b")).toBe("a [DOT] b");
    const aborted = new Substituter([
      ["a", "$1"],
      ["b", "c"],
    ]);
    expect(aborted.apply("a  b")).toBe("a  b");
  });

  it("find pairs by any prefix length, including one character", () => {
    const s = new Substituter([
      [",", " "],
      ["%20", " "],
      [" wanna ", " want to "],
    ]);
    expect(s.apply("I wanna,go%20now")).toBe("I want to go now");
  });
});
