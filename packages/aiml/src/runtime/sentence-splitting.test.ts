import { describe, expect, it } from "vitest";
import { botFrom, chat } from "../testing/make-bot.js";

const categories = `
<category><pattern>ONE</pattern><template>1</template></category>
<category><pattern>TWO</pattern><template>2</template></category>
<category><pattern>ONE; TWO</pattern><template>one-two</template></category>`;

describe("sentence splitting", () => {
  it("splits at . ! ? by default", () => {
    expect(botFrom(categories).respond(botFrom(categories).newClientState(), "one! two?").responses).toEqual([
      "1",
      "2",
    ]);
    expect(chat(botFrom(categories), "one; two")).toEqual(["one-two"]);
  });

  it("uses the bot's sentence-splitters property", () => {
    const bot = botFrom(categories, { properties: [["sentence-splitters", ";"]] });
    expect(bot.respond(bot.newClientState(), "one; two").responses).toEqual(["1", "2"]);
  });

  it("matches <bot name> in patterns against the property value", () => {
    const bot = botFrom(
      `<category><pattern>ARE YOU <bot name="name"/></pattern><template>yes</template></category>`,
      {
        properties: [["name", "Parley Bot"]],
      },
    );
    expect(chat(bot, "are you parley bot")).toEqual(["yes"]);
  });
});
