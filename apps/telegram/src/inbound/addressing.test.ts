import { describe, expect, it } from "vitest";
import { entitiesOf } from "../testing/updates.js";
import { findMentions, readCommand } from "./addressing.js";

const bot = { id: 42, username: "Parley_Bot" };
const mentions = (text: string) => findMentions(text, entitiesOf(text) as never, bot);

describe("who a group message is for", () => {
  it("finds the bot's @mention anywhere, case-insensitively, and strips it", () => {
    expect(mentions("@parley_bot what time is it?")).toEqual({
      mentioned: true,
      stripped: "what time is it?",
    });
    expect(mentions("hey @PARLEY_BOT, how are you")).toEqual({
      mentioned: true,
      stripped: "hey how are you",
    });
    expect(mentions("@parley_bot: hi")).toEqual({ mentioned: true, stripped: "hi" });
  });

  it("does not count another account's mention", () => {
    expect(mentions("@someone_else hello")).toEqual({ mentioned: false, stripped: "@someone_else hello" });
  });

  it("counts a text_mention of the bot's user (no username in the text)", () => {
    const text = "Parley tell me a joke";
    const result = findMentions(
      text,
      [{ type: "text_mention", offset: 0, length: 6, user: { id: 42 } }] as never,
      bot,
    );
    expect(result).toEqual({ mentioned: true, stripped: "tell me a joke" });
  });

  it("keeps emoji before a mention intact (UTF-16 offsets)", () => {
    expect(mentions("🍵🍵 @parley_bot tea?")).toEqual({ mentioned: true, stripped: "🍵🍵 tea?" });
  });

  it("reads commands: bare, for this bot, or for another bot", () => {
    const read = (text: string) => readCommand(text, entitiesOf(text) as never, bot);
    expect(read("/start")).toEqual({ name: "start", args: "", explicit: false });
    expect(read("/Reset@parley_bot now")).toEqual({ name: "reset", args: "now", explicit: true });
    expect(read("/start@other_bot")).toBeNull();
    expect(read("hello /start")).toBeUndefined();
  });
});
