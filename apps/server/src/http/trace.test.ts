// trace=true on the real interpreter: the sentence's own match is level 0, each srai level follows.
import { describe, expect, it } from "vitest";
import { useHarnessWithBot } from "../testing/fixtures.js";
import { call, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const AIML = `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0">
<category><pattern>HI</pattern><template>Hello!</template></category>
<category><pattern>HELLO *</pattern><template><srai>HI</srai></template></category>
</aiml>`;

describe("trace over HTTP", () => {
  const harness = useHarnessWithBot("tracer", { "greet.aiml": AIML });

  const trace = async (input: string) =>
    (
      await call(
        "POST",
        harness().url(`/talk/${TEST_APP_ID}/tracer`, { user_key: TEST_USER_KEY, input, trace: "true" }),
      )
    ).json.trace;

  it("reports a direct match as level 0", async () => {
    expect(await trace("hi")).toEqual([
      {
        status: "matched",
        level: 0,
        input: "hi",
        matched: "HI <THAT> * <TOPIC> *",
        filename: "greet.aiml",
        template: "Hello!",
      },
    ]);
  });

  it("reports the top-level match first, then each srai level", async () => {
    const entries = await trace("hello there");
    expect(entries.map((e: { level: number; matched: string }) => [e.level, e.matched])).toEqual([
      [0, "HELLO * <THAT> * <TOPIC> *"],
      [1, "HI <THAT> * <TOPIC> *"],
    ]);
  });
});
