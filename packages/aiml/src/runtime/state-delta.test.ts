import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBot } from "../compile/compile-bot.js";
import { conformanceDir, loadBotDir, readJson } from "../testing/bot-files.js";
import { botFrom } from "../testing/make-bot.js";
import type { Bot, ClientState, RespondOptions } from "../types.js";

const clone = (state: ClientState): ClientState => JSON.parse(JSON.stringify(state));

/**
 * Talks through `inputs` twice: live, and by replaying each turn's delta (through JSON, as a host
 * stores it) onto a copy of the state as it was before the turn. Both must end in the same state.
 */
function replayMatchesLive(bot: Bot, inputs: Array<string | [string, RespondOptions]>) {
  let live = bot.newClientState();
  let replayed = clone(live);
  for (const item of inputs) {
    const [input, options] = typeof item === "string" ? [item, {}] : item;
    const result = bot.respond(live, input, options);
    live = result.state;
    replayed = bot.applyDelta(replayed, JSON.parse(JSON.stringify(result.delta)));
    expect(replayed).toEqual(JSON.parse(JSON.stringify(live)));
  }
  return { live, replayed };
}

const bot = botFrom(
  `
<category><pattern>MY NAME IS *</pattern><template><think><set name="name"><star/></set></think>Hi <get name="name"/>. Anything else?</template></category>
<category><pattern>TOPIC *</pattern><template><think><set name="topic"><star/></set></think>ok</template></category>
<category><pattern>TEACH *</pattern><template><learn><category><pattern><eval><star/></eval></pattern><template>learned</template></category></learn>taught</template></category>
<category><pattern>KEEP *</pattern><template><learnf><category><pattern><eval><star/></eval></pattern><template>kept</template></category></learnf>kept it</template></category>
<category><pattern>FORGET</pattern><template><resetlearn/></template></category>
<category><pattern>FORGET ALL</pattern><template><resetlearnf/> and <learn><category><pattern>AFTER</pattern><template>after</template></category></learn></template></category>
<category><pattern>ADD *</pattern><template><addinfo><displayname><star/></displayname><phonetype>mobile</phonetype><dialnumber>123</dialnumber></addinfo>added</template></category>
<category><pattern>*</pattern><template>Say more. Go on.</template></category>
`,
  { pdefaults: [["name", "friend"]] },
);

describe("state deltas", () => {
  it("hold only what the turn changed: its history entries and the predicates it set", () => {
    const state = bot.newClientState();
    const { delta } = bot.respond(state, "My name is Ada. Hello");
    expect(delta).toEqual({
      predicates: { name: "Ada" },
      inputs: ["My name is Ada", "Hello"],
      request: "My name is Ada. Hello",
      response: "Hi Ada. Anything else? Say more. Go on.",
      that: ["Hi Ada", "Anything else", "Say more", "Go on"],
    });
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(state).length);
  });

  it("replay to the live state: predicates, topic, histories past their cap", () => {
    const inputs = ["my name is Ada", "topic space", "hello"];
    for (let i = 0; i < 40; i++) inputs.push(`line ${i}. and another`);
    const { live } = replayMatchesLive(bot, inputs);
    expect((live as { requests: string[] }).requests).toHaveLength(32);
  });

  it("replay learned categories, their removal, and what is learned after a removal", () => {
    replayMatchesLive(bot, ["teach apples", "keep pears", "apples", "forget", "teach figs", "forget all"]);
  });

  it("replay the contact book", () => {
    const { live } = replayMatchesLive(bot, ["add Ann Lee", "add Bo", "hello"]);
    expect((live as { contacts: unknown[] }).contacts).toHaveLength(2);
  });

  it("replay a that/topic override for one request, which leaves the stored topic as it was", () => {
    replayMatchesLive(bot, ["topic space", ["hello", { topic: "sea", that: "Anything else?" }], "hello"]);
  });

  const alice2 = join(conformanceDir(), "bots/alice2");
  it.skipIf(!existsSync(alice2))("replay alice2's transcripts to the live state", () => {
    const { bot: alice, errors } = compileBot(loadBotDir(alice2));
    expect(errors).toEqual([]);
    const transcripts = readJson<{ conversations: Array<{ steps: Array<{ input: string }> }> }>(
      join(alice2, "transcripts.json"),
    );
    const inputs = transcripts.conversations.flatMap((c) => c.steps.map((s) => s.input));
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const options = { random };
    replayMatchesLive(
      alice as Bot,
      inputs.map((input) => [input, options] as [string, RespondOptions]),
    );
  });
});
