import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBot } from "../compile/compile-bot.js";
import { conformanceDir, loadBotDir, readJson } from "../testing/bot-files.js";
import { botFrom } from "../testing/make-bot.js";
import type { Bot, BotSource, ClientState } from "../types.js";

function seeded(): () => number {
  let seed = 7;
  return () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
}

/**
 * Many clients talking in turn to the same bot, as a server sees them, twice: with remembered
 * matches and without. Every answer and every final state must be the same.
 */
function sameWithAndWithoutMemory(source: BotSource, inputs: string[], clients: number, turns: number) {
  const runs = [4096, 0].map((rememberedMatches) => {
    const { bot, errors } = compileBot(source, { rememberedMatches });
    expect(errors).toEqual([]);
    const states: ClientState[] = Array.from({ length: clients }, () => (bot as Bot).newClientState());
    const random = seeded();
    const answers: string[] = [];
    for (let n = 0; n < turns; n++) {
      const c = n % clients;
      const input = inputs[(Math.floor(n / clients) + c) % inputs.length] as string;
      const result = (bot as Bot).respond(states[c] as ClientState, input, {
        random,
        now: () => new Date(0),
      });
      states[c] = result.state;
      answers.push(result.responses.join(" | "));
    }
    return { answers, states };
  });
  const [remembered, walked] = runs as [(typeof runs)[0], (typeof runs)[0]];
  expect(remembered.answers).toEqual(walked.answers);
  expect(remembered.states).toEqual(walked.states);
}

describe("remembered matches", () => {
  it("bind stars from the words of the input at hand, whatever their case, that and topic included", () => {
    const bot = botFrom(`
<category><pattern>MY NAME IS *</pattern><template>Hello <star/>.</template></category>
<category><pattern>WHO AM I</pattern><that>HELLO *</that><template>You are <thatstar/>.</template></category>
<topic name="*"><category><pattern>WHERE ARE WE</pattern><template>In <topicstar/>.</template></category></topic>
<category><pattern>GO TO *</pattern><template><think><set name="topic"><star/></set></think>Off to <star/>.</template></category>
`);
    const state = bot.newClientState();
    // (Three identical inputs in a row would be Program AB's repetition: hence the "where are we".)
    expect(bot.respond(state, "my name is ada").responses).toEqual(["Hello ada."]);
    expect(bot.respond(state, "MY NAME IS ADA").responses).toEqual(["Hello ADA."]);
    expect(bot.respond(state, "where are we").responses).toEqual(["In unknown."]);
    expect(bot.respond(state, "My name is Ada").responses).toEqual(["Hello Ada."]);
    expect(bot.respond(state, "who am i").responses).toEqual(["You are Ada."]);
    expect(bot.respond(state, "go to Paris").responses).toEqual(["Off to Paris."]);
    expect(bot.respond(state, "where are we").responses).toEqual(["In Paris."]);
    expect(bot.respond(state, "go to paris").responses).toEqual(["Off to paris."]);
    expect(bot.respond(state, "where are we").responses).toEqual(["In paris."]);
  });

  const alice2 = join(conformanceDir(), "bots/alice2");
  it.skipIf(!existsSync(alice2))("give alice2 the same answers and states as walking the graph", () => {
    const source = loadBotDir(alice2);
    const transcripts = readJson<{ conversations: Array<{ steps: Array<{ input: string }> }> }>(
      join(alice2, "transcripts.json"),
    );
    const inputs = transcripts.conversations.flatMap((c) => c.steps.map((s) => s.input));
    sameWithAndWithoutMemory(source, inputs, 50, 3000);
    // Every input new: only the srai texts repeat.
    sameWithAndWithoutMemory(
      source,
      inputs.map((input, i) => `${input} ${i}`),
      20,
      600,
    );
  });
});
