import { describe, expect, it } from "vitest";
import { compileBot } from "../index.js";

const file = (content: string) => ({ aiml: [{ name: "bad.aiml", content }] });

describe("compile diagnostics", () => {
  it("reports malformed XML with file, line and column and returns no bot", () => {
    const r = compileBot(
      file("<aiml>\n<category><pattern>HI</pattern>\n  <template>oops</templat>\n</category></aiml>"),
    );
    expect(r.bot).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "bad.aiml", line: 3, severity: "error" });
    expect(r.errors[0]?.column).toBeGreaterThan(1);
    expect(r.errors[0]?.message).toMatch(/XML syntax/);
  });

  it("refuses a DOCTYPE so entity-expansion bombs are never expanded", () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n' +
      "<aiml><category><pattern>X</pattern><template>&lol2;</template></category></aiml>";
    const r = compileBot(file(bomb));
    expect(r.bot).toBeNull();
    expect(r.errors[0]?.message).toMatch(/DOCTYPE is not allowed/);
    expect(r.errors[0]?.line).toBe(2);
  });

  it("never throws on garbage input", () => {
    expect(compileBot(null as never).errors[0]?.message).toMatch(/source.aiml must be an array/);
    expect(compileBot({ aiml: [{ content: "<aiml/>" }] } as never).bot).toBeNull();
    const r = compileBot({
      aiml: [{ name: "x.aiml", content: "\u0000\u0001 not xml" }],
      sets: { s: "nope" as never },
    });
    expect(r.bot).toBeNull();
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it("warns about unknown template tags, duplicates and missing templates, and still compiles", () => {
    const r = compileBot(
      file(
        [
          "<aiml>",
          "<category><pattern>A</pattern><template><frobnicate/>one</template></category>",
          "<category><pattern>A</pattern><template>two</template></category>",
          "<category><pattern>B</pattern></category>",
          "</aiml>",
        ].join("\n"),
      ),
    );
    expect(r.errors).toEqual([]);
    const messages = r.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^2: unknown template tag <frobnicate>/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^3: duplicate category "A <THAT> \* <TOPIC> \*".*later one wins/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^4: category with a blank or missing <template> discarded/),
    );
    const bot = r.bot;
    expect(bot?.respond(bot.newClientState(), "a").responses).toEqual(["two"]);
  });

  it("rejects a file whose root is not <aiml>", () => {
    const r = compileBot(file("<html><body/></html>"));
    expect(r.bot).toBeNull();
    expect(r.errors[0]?.message).toMatch(/expected <aiml>/);
  });
});
