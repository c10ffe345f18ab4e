import { expect, test } from "vitest";
import { stripBotMention } from "./mention.js";

test("the bot's mention is removed in both forms, wherever it is; other mentions stay", () => {
  expect(stripBotMention("<@42> hello", "42")).toBe("hello");
  expect(stripBotMention("hey <@!42>, what's up", "42")).toBe("hey , what's up");
  expect(stripBotMention("<@42> ask <@7>", "42")).toBe("ask <@7>");
  expect(stripBotMention("<@42>", "42")).toBe("");
});

test("a mention of the bot's managed role is removed too, other role mentions stay", () => {
  expect(stripBotMention("<@&900> hi <@&901>", "42", "900")).toBe("hi <@&901>");
});
