import { describe, expect, it } from "vitest";
import type { BotSource } from "../types.js";
import { compileBot, compileBotInSlices } from "./compile-bot.js";

const aiml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<aiml version="2.0">\n${body}\n</aiml>`;

function bigBot(categories: number): BotSource {
  const body = Array.from(
    { length: categories },
    (_, i) => `<category><pattern>QUESTION ${i} *</pattern><template>Answer ${i}.</template></category>`,
  ).join("\n");
  return { aiml: [{ name: "big.aiml", content: aiml(body) }] };
}

describe("compiling in slices", () => {
  it("keeps the event loop turning while a large bot compiles, and gives the same bot", async () => {
    const source = bigBot(40_000);
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 1);
    const sliced = await compileBotInSlices(source);
    clearInterval(timer);

    expect(sliced.errors).toEqual([]);
    expect(ticks).toBeGreaterThan(5);
    // Slices of ~4 ms; a generous bound, since the test machine may be busy.
    expect(longestGap).toBeLessThan(100);
    const whole = compileBot(source);
    expect(sliced.bot?.size).toBe(whole.bot?.size);
    const ask = (bot: typeof whole.bot) =>
      bot?.respond(bot.newClientState(), "question 39999 please").responses;
    expect(ask(sliced.bot)).toEqual(["Answer 39999."]);
    expect(ask(sliced.bot)).toEqual(ask(whole.bot));
  });

  it("reads characters that straddle two chunks, and places errors as the one-go compile does", async () => {
    // A surrogate pair and a CR LF across the 16 K chunk boundary of the parser.
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<aiml><category><pattern>PAD</pattern><template>';
    const pad = "x".repeat(16 * 1024 - head.length - 1);
    const content = `${head}${pad}\uD83D\uDE00</template></category>\r\n<category><pattern>SMILE</pattern><template>\uD83D\uDE00 ok</template></category></aiml>`;
    expect(content.charCodeAt(16 * 1024 - 1)).toBe(0xd83d);
    const source = { aiml: [{ name: "edge.aiml", content }] };
    const sliced = await compileBotInSlices(source);
    expect(sliced.errors).toEqual([]);
    expect(sliced.bot?.respond(sliced.bot.newClientState(), "smile").responses).toEqual(["\uD83D\uDE00 ok"]);
    expect(
      sliced.bot?.respond(sliced.bot.newClientState(), "pad").responses[0]?.endsWith("x\uD83D\uDE00"),
    ).toBe(true);

    const broken = { aiml: [{ name: "bad.aiml", content: `${bigBot(3000).aiml[0]?.content}<oops` }] };
    const slicedErrors = (await compileBotInSlices(broken)).errors;
    expect(slicedErrors).toHaveLength(1);
    expect(slicedErrors).toEqual(compileBot(broken).errors);
  });
});
