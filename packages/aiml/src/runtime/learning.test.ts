import { describe, expect, it } from "vitest";
import type { LearnedCategory } from "../index.js";
import { botFrom } from "../testing/make-bot.js";

const bot = botFrom(`
<category><pattern>LEARN * IS *</pattern><template><learn><category><pattern>WHAT IS <eval><uppercase><star/></uppercase></eval></pattern><template><eval><star index="2"/></eval></template></category></learn>ok</template></category>
<category><pattern>REMEMBER * IS *</pattern><template><learnf><category><pattern>WHERE IS <eval><star/></eval></pattern><template><eval><star index="2"/></eval></template></category></learnf>noted</template></category>
`);

describe("learn and learnf", () => {
  it("teaches the client that taught it, and nobody else", () => {
    const alice = bot.newClientState();
    const bob = bot.newClientState();
    expect(bot.respond(alice, "learn the sky is blue").responses).toEqual(["ok"]);
    expect(bot.respond(alice, "what is the sky").responses).toEqual(["blue"]);
    expect(bot.respond(bob, "what is the sky").responses).toEqual(["I have no answer for that."]);
  });

  it("hands learnf categories to the host, which can give them back in a new state", () => {
    const persisted: LearnedCategory[] = [];
    const state = bot.newClientState();
    bot.respond(state, "remember Paris is in France", { onLearnf: (c) => persisted.push(c) });
    expect(persisted).toEqual([
      { pattern: "WHERE IS PARIS", that: "*", topic: "*", template: "in France", persistent: true },
    ]);
    const restored = { ...bot.newClientState(), learned: persisted };
    expect(bot.respond(restored, "where is paris").responses).toEqual(["in France"]);
  });
});

describe("learned categories among the bot's", () => {
  const b = botFrom(`
<category><pattern>TEACH *</pattern><template><learn><category><pattern><eval><uppercase><star/></uppercase></eval></pattern><template>learned</template></category></learn>ok</template></category>
<category><pattern>HELLO THERE</pattern><template>bot exact</template></category>
<category><pattern>GOOD *</pattern><template>bot wildcard</template></category>
`);

  it("follows the graphmaster's priority, as if both were one graph", () => {
    const state = b.newClientState();
    b.respond(state, "teach hello *");
    b.respond(state, "teach good morning");
    expect(b.respond(state, "hello there").responses).toEqual(["bot exact"]);
    expect(b.respond(state, "hello you").responses).toEqual(["learned"]);
    expect(b.respond(state, "good morning").responses).toEqual(["learned"]);
    expect(b.respond(state, "good night").responses).toEqual(["bot wildcard"]);
  });
});

describe("resetlearn and resetlearnf", () => {
  const b = botFrom(`
<category><pattern>LEARN *</pattern><template><learn><category><pattern><eval><uppercase><star/></uppercase></eval></pattern><template>temporary</template></category></learn>ok</template></category>
<category><pattern>LEARNF *</pattern><template><learnf><category><pattern><eval><uppercase><star/></uppercase></eval></pattern><template>kept</template></category></learnf>ok</template></category>
<category><pattern>FORGET</pattern><template><resetlearn/></template></category>
<category><pattern>FORGET ALL</pattern><template><resetlearnf/></template></category>
`);

  it("forget learn categories and learnf categories separately, telling the host about learnf", () => {
    const state = b.newClientState();
    let resets = 0;
    const onResetLearnf = () => {
      resets++;
    };
    b.respond(state, "learn alpha");
    b.respond(state, "learnf beta");
    expect(b.respond(state, "forget").responses).toEqual(["Deleted Learn Categories"]);
    expect(b.respond(state, "alpha").responses).toEqual(["I have no answer for that."]);
    expect(b.respond(state, "beta").responses).toEqual(["kept"]);
    expect(b.respond(state, "forget all", { onResetLearnf }).responses).toEqual([
      "Deleted Learnf Categories",
    ]);
    expect(b.respond(state, "beta").responses).toEqual(["I have no answer for that."]);
    expect(resets).toBe(1);
  });
});
