import { describe, expect, it } from "vitest";
import { botFrom, chat } from "../testing/make-bot.js";

const bot = botFrom(`
<category><pattern>HI</pattern><template>Hello!</template></category>
<category><pattern>HELLO *</pattern><template><srai>HI</srai></template></category>
<category><pattern>SHOW *</pattern><template><button><text>Buy <star/></text><postback>buy <star/></postback></button><card><title><uppercase><star/></uppercase></title></card></template></category>
<category><pattern>LOOP</pattern><template><srai>LOOP</srai></template></category>
`);

describe("respond details", () => {
  it("passes rich media through as markup with its content evaluated", () => {
    expect(chat(bot, "show apples")).toEqual([
      "<button><text>Buy apples</text><postback>buy apples</postback></button><card><title>APPLES</title></card>",
    ]);
  });

  it("returns the matched category per sentence (extra) and every srai level (trace)", () => {
    const r = bot.respond(bot.newClientState(), "hello there", { extra: true, trace: true });
    expect(r.responses).toEqual(["Hello!"]);
    expect(r.extra).toEqual([
      {
        input: "hello there",
        pattern: "HELLO *",
        that: "*",
        topic: "*",
        filename: "test.aiml",
        template: "<srai>HI</srai>",
      },
    ]);
    expect(r.trace).toEqual([
      {
        status: "matched",
        level: 0,
        input: "hello there",
        matched: "HELLO * <THAT> * <TOPIC> *",
        filename: "test.aiml",
        template: "<srai>HI</srai>",
      },
      {
        status: "matched",
        level: 1,
        input: "HI",
        matched: "HI <THAT> * <TOPIC> *",
        filename: "test.aiml",
        template: "Hello!",
      },
    ]);
  });

  it("traces a direct match without srai as level 0", () => {
    const r = bot.respond(bot.newClientState(), "hi. unknown words", { trace: true });
    expect(r.trace).toEqual([
      {
        status: "matched",
        level: 0,
        input: "hi",
        matched: "HI <THAT> * <TOPIC> *",
        filename: "test.aiml",
        template: "Hello!",
      },
      { status: "no match", level: 0, input: "unknown words", matched: "", filename: "", template: "" },
    ]);
  });

  it("stops runaway srai recursion with the reference interpreter's message", () => {
    expect(chat(bot, "loop")).toEqual(["Too much recursion in AIML"]);
  });
});

describe("nested template", () => {
  it("evaluates to its content (ALICE2 writes <template><template>…</template></template>)", () => {
    const b = botFrom(
      `<category><pattern>BORN IN *</pattern><template><template>born in <star/></template></template></category>
<category><pattern>NOTHING</pattern><template>[<template/>]</template></category>`,
    );
    expect(chat(b, "born in Paris", "nothing")).toEqual(["born in Paris", "[]"]);
  });
});
