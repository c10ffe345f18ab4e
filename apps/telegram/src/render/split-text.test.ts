import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape.js";
import { splitPlainText } from "./split-text.js";

describe("splitting long text", () => {
  it("leaves text that fits alone", () => {
    expect(splitPlainText("Short and sweet.", 100)).toEqual(["Short and sweet."]);
  });

  it("cuts at a paragraph break before a sentence end", () => {
    const text = `${"a".repeat(30)}. ${"b".repeat(30)}.\n\n${"c".repeat(30)}.`;
    expect(splitPlainText(text, 80)).toEqual([`${"a".repeat(30)}. ${"b".repeat(30)}.`, `${"c".repeat(30)}.`]);
  });

  it("cuts at a sentence end when a paragraph is too long", () => {
    const text = "One sentence here. Another sentence there. And a third one to finish.";
    const pieces = splitPlainText(text, 45);
    expect(pieces).toEqual(["One sentence here. Another sentence there.", "And a third one to finish."]);
  });

  it("counts the escaped length, so markup characters never push a message over the limit", () => {
    const text = "<&> ".repeat(100);
    const pieces = splitPlainText(text, 50);
    for (const piece of pieces) expect(escapeHtml(piece).length).toBeLessThanOrEqual(50);
    expect(pieces.join(" ").replace(/\s+/g, " ").trim()).toBe(text.trim());
  });

  it("cuts a word longer than the limit without splitting an emoji", () => {
    const text = "😀".repeat(30);
    const pieces = splitPlainText(text, 11);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(11);
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});
