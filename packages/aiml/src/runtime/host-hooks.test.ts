import { describe, expect, it } from "vitest";
import { botFrom, chat } from "../testing/make-bot.js";

const bot = botFrom(`
<category><pattern>ASK *</pattern><template><sraix bot="helper" default="nobody home"><star/></sraix></template></category>
<category><pattern>ASK NODEFAULT *</pattern><template><sraix bot="ghost"><star/></sraix></template></category>
<category><pattern>SRAIXFAILED</pattern><template>fallback category</template></category>
<category><pattern>SHELL</pattern><template>[<system>touch /tmp/parley-aiml-system-ran</system>]</template></category>
<category><pattern>PICK</pattern><template><random><li>a</li><li>b</li><li>c</li></random></template></category>
<category><pattern>WHEN</pattern><template><date jformat="yyyy-MM-dd HH:mm" timezone="UTC"/> / <date format="%A %d %B %Y" timezone="Asia/Tokyo"/></template></category>
<category><pattern>AGE</pattern><template><interval><style>years</style><from>January 1, 1970</from><to>January 1, 2000</to></interval></template></category>
`);

describe("host hooks", () => {
  it("reaches only sraix targets the host registers, else the default or SRAIXFAILED", () => {
    const state = bot.newClientState();
    const sraix = (req: { bot?: string; input: string }) =>
      req.bot === "helper" ? `helper heard ${req.input}` : undefined;
    expect(bot.respond(state, "ask how are you", { sraix }).responses).toEqual(["helper heard how are you"]);
    expect(chat(bot, "ask how are you")).toEqual(["nobody home"]);
    expect(bot.respond(state, "ask nodefault hi", { sraix }).responses).toEqual(["fallback category"]);
  });

  it("never runs <system>", async () => {
    const { existsSync } = await import("node:fs");
    expect(chat(bot, "shell")).toEqual(["[]"]);
    expect(existsSync("/tmp/parley-aiml-system-ran")).toBe(false);
  });

  it("takes randomness from the injected source", () => {
    const state = bot.newClientState();
    expect(bot.respond(state, "pick", { random: () => 0 }).responses).toEqual(["a"]);
    expect(bot.respond(state, "pick", { random: () => 0.99 }).responses).toEqual(["c"]);
  });

  it("formats dates from the injected clock with jformat, strftime format and time zones", () => {
    const now = () => new Date(Date.UTC(2024, 2, 9, 22, 30));
    expect(bot.respond(bot.newClientState(), "when", { now }).responses).toEqual([
      "2024-03-09 22:30 / Sunday 10 March 2024",
    ]);
    expect(chat(bot, "age")).toEqual(["30"]);
  });
});

describe("sraix target failures", () => {
  it("treats a target that throws as unreachable", () => {
    const sraix = () => {
      throw new Error("connection refused");
    };
    expect(bot.respond(bot.newClientState(), "ask hi", { sraix }).responses).toEqual(["nobody home"]);
  });
});
