import { expect, test } from "vitest";
import { escapeText, splitText } from "./text.js";

test("text within the limit stays one piece", () => {
  expect(splitText("Hello there.", 20)).toEqual(["Hello there."]);
});

test("long text is cut at the last paragraph break that fits", () => {
  const a = "First paragraph, quite long.";
  const b = "Second paragraph.";
  expect(splitText(`${a}\n\n${b}`, 40)).toEqual([a, b]);
});

test("without a paragraph break it is cut after the last sentence that fits", () => {
  expect(splitText("One sentence here. Two sentence here. Three.", 30)).toEqual([
    "One sentence here.",
    "Two sentence here. Three.",
  ]);
});

test("a single sentence longer than the limit is cut between words, and a single word mid-word", () => {
  expect(splitText("alpha beta gamma delta", 12)).toEqual(["alpha beta", "gamma delta"]);
  expect(splitText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
});

test("every piece respects the limit and no words are lost", () => {
  const text = Array.from({ length: 200 }, (_, i) => `Word${i}${i % 7 === 0 ? "." : ""}`).join(" ");
  const pieces = splitText(text, 100);
  for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
  expect(pieces.join(" ")).toBe(text);
});

test("markdown the bot did not mean is escaped", () => {
  expect(escapeText("2*3*4 and _x_ and `code`")).toBe("2\\*3\\*4 and \\_x\\_ and \\`code\\`");
  expect(escapeText("# not a heading")).toBe("\\# not a heading");
});

test("URLs in bot text are left as written so Discord still links them", () => {
  expect(escapeText("see https://example.com/a_b_c?x=*1* or _this_")).toBe(
    "see https://example.com/a_b_c?x=*1* or \\_this\\_",
  );
});
