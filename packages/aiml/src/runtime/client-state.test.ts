import { describe, expect, it } from "vitest";
import { botFrom } from "../testing/make-bot.js";

const bot = botFrom(
  `
<category><pattern>MY NAME IS *</pattern><template><think><set name="name"><star/></set></think>Hello <get name="name"/>. Do you like tea?</template></category>
<category><pattern>YES</pattern><that>DO YOU LIKE TEA</that><template>Tea it is, <get name="name"/>.</template></category>
<category><pattern>YES</pattern><template>Yes what?</template></category>
<category><pattern>WHAT IS MY NAME</pattern><template><get name="name"/></template></category>
<category><pattern>TOPIC *</pattern><template><think><set name="topic"><star/></set></think>ok</template></category>
<category><pattern>WHERE</pattern><template>nowhere</template></category>
<topic name="SPACE"><category><pattern>WHERE</pattern><template>in space</template></category></topic>
`,
  { pdefaults: [["name", "friend"]] },
);

describe("client state", () => {
  it("starts with the predicate defaults", () => {
    const state = bot.newClientState();
    expect(bot.respond(state, "What is my name?").responses).toEqual(["friend"]);
  });

  it("is plain JSON: a conversation continues after a round trip through JSON", () => {
    let state = bot.newClientState();
    expect(bot.respond(state, "My name is Ada").responses).toEqual(["Hello Ada. Do you like tea?"]);
    state = JSON.parse(JSON.stringify(state));
    expect(bot.respond(state, "yes").responses).toEqual(["Tea it is, Ada."]);
    expect(bot.respond(JSON.parse(JSON.stringify(state)), "what is my name").responses).toEqual(["Ada"]);
  });

  it("keeps clients apart: one client's predicates never reach another", () => {
    const a = bot.newClientState();
    const b = bot.newClientState();
    bot.respond(a, "my name is Ada");
    expect(bot.respond(b, "what is my name").responses).toEqual(["friend"]);
  });

  it("answers one response per input sentence", () => {
    const r = bot.respond(bot.newClientState(), "My name is Bo. What is my name? Yes");
    expect(r.responses).toEqual(["Hello Bo. Do you like tea?", "Bo", "Yes what?"]);
  });

  it("lets the caller override that and topic for one request", () => {
    const state = bot.newClientState();
    expect(bot.respond(state, "yes", { that: "Do you like tea?" }).responses).toEqual(["Tea it is, friend."]);
    expect(bot.respond(state, "where", { topic: "space" }).responses).toEqual(["in space"]);
    expect(bot.respond(state, "where").responses).toEqual(["nowhere"]);
    bot.respond(state, "topic space");
    expect(bot.respond(state, "where").responses).toEqual(["in space"]);
  });
});

describe("invalid client state", () => {
  it("is refused with a typed error, not a crash deep inside", () => {
    expect(() => bot.respond(null as never, "hi")).toThrow(
      expect.objectContaining({ code: "AIML_INVALID_STATE" }),
    );
    expect(() => bot.respond({ version: 1, inputs: "x" } as never, "hi")).toThrow(
      /state.inputs is not an array/,
    );
  });
});
