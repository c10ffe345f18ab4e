// <sraix bot> between bots of the same app, on the real interpreter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCompiledBot } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const aiml = (categories: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0">${categories}</aiml>`;

describe("sraix to another bot on the same server", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ engine: undefined });
  });
  afterEach(async () => {
    await h.dispose();
  });

  it("asks the named bot of the same app, and falls back to the default for an unknown one", async () => {
    await createCompiledBot(h, "helper", {
      "helper.aiml": aiml(
        "<category><pattern>CAPITAL OF FRANCE</pattern><template>Paris</template></category>",
      ),
    });
    await createCompiledBot(h, "asker", {
      "asker.aiml": aiml(`
        <category><pattern>ASK HELPER</pattern>
          <template>Helper says <sraix bot="${TEST_APP_ID}/helper" default="nothing">capital of France</sraix>.</template></category>
        <category><pattern>ASK NOBODY</pattern>
          <template>Nobody says <sraix bot="ghost" default="nothing">capital of France</sraix>.</template></category>`),
    });
    const talk = (input: string) =>
      call("POST", h.url(`/talk/${TEST_APP_ID}/asker`, { user_key: TEST_USER_KEY, input }));
    expect((await talk("ask helper")).json.responses).toEqual(["Helper says Paris."]);
    expect((await talk("ask nobody")).json.responses).toEqual(["Nobody says nothing."]);
  });
});
