import { describe, expect, it } from "vitest";
import { splitInput } from "./split-input.js";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("splitting long input", () => {
  it("leaves input that fits alone", () => {
    expect(splitInput("Hi. How are you?", 2000)).toEqual(["Hi. How are you?"]);
  });

  it("cuts between sentences, each piece within the limit, nothing lost", () => {
    const text = "One two three. Four five six! Seven eight nine? Ten eleven.";
    const pieces = splitInput(text, 32);
    expect(pieces).toEqual(["One two three. Four five six!", "Seven eight nine? Ten eleven."]);
  });

  it("cuts a sentence longer than the limit between words", () => {
    const text = `${"word ".repeat(30).trim()}.`;
    const pieces = splitInput(text, 40);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(40);
    expect(pieces.every((p) => /^(word ?)+\.?$/.test(p))).toBe(true);
    expect(squash(pieces.join(" "))).toBe(squash(text));
  });

  it("cuts a single overlong token without splitting emoji", () => {
    const text = "😀".repeat(50);
    const pieces = splitInput(text, 9);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(9);
    expect(pieces.join("")).toBe(text);
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it("keeps every character of a 5000-character text in order", () => {
    const text = Array.from({ length: 200 }, (_, i) => `Line ${i} says hello.`).join(" ");
    const pieces = splitInput(text, 2000);
    expect(pieces.length).toBe(3);
    expect(squash(pieces.join(""))).toBe(squash(text));
  });
});
