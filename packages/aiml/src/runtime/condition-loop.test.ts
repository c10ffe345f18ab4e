import { describe, expect, it } from "vitest";
import { botFrom, chat } from "../testing/make-bot.js";

const categories = `
<category><pattern>FOREVER</pattern><template><condition name="x"><li value="never">done</li><li>x<loop/></li></condition></template></category>
<category><pattern>COUNT</pattern><template><think><set name="n">a</set></think><condition name="n"><li value="aaa">end</li><li><set name="n"><get name="n"/>a</set> <loop/></li></condition></template></category>
`;

describe("condition loops", () => {
  it("stops a <loop/> that never ends with the reference interpreter's message", () => {
    expect(chat(botFrom(categories), "forever")).toEqual(["Too much looping in condition"]);
  });

  it("honours maxLoops and lets loops within the limit finish", () => {
    expect(chat(botFrom(categories, {}, { maxLoops: 3 }), "count")).toEqual(["aa aaa end"]);
    expect(chat(botFrom(categories, {}, { maxLoops: 2 }), "count")).toEqual([
      "Too much looping in condition",
    ]);
  });
});
