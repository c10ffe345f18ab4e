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

  it("never reaches another app's name for the bot, nor a bot whose last verify failed", async () => {
    await createCompiledBot(h, "helper", {
      "helper.aiml": aiml(
        "<category><pattern>CAPITAL OF FRANCE</pattern><template>Paris</template></category>",
      ),
    });
    await createCompiledBot(h, "asker", {
      "asker.aiml": aiml(`
        <category><pattern>ASK OTHER APP</pattern>
          <template>Other says <sraix bot="otherapp/helper" default="nothing">capital of France</sraix>.</template></category>
        <category><pattern>ASK BARE</pattern>
          <template>Bare says <sraix bot="helper" default="nothing">capital of France</sraix>.</template></category>
        <category><pattern>ASK HELPER</pattern>
          <template>Helper says <sraix bot="${TEST_APP_ID}/helper" default="nothing">capital of France</sraix>.</template></category>`),
    });
    const key = { user_key: TEST_USER_KEY };
    const talk = (input: string) => call("POST", h.url(`/talk/${TEST_APP_ID}/asker`, { ...key, input }));
    expect((await talk("ask other app")).json.responses).toEqual(["Other says nothing."]);
    expect((await talk("ask bare")).json.responses).toEqual(["Bare says Paris."]);

    // A failed verify makes helper "not compiled": talk answers 412, and sraix gets the default.
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/helper/file/broken.aiml`, key), {
      body: aiml("<category><pattern>X</pattern><template>y</template>"),
    });
    expect((await call("GET", h.url(`/bot/${TEST_APP_ID}/helper/verify`, key))).status).toBe(400);
    const direct = await call(
      "POST",
      h.url(`/talk/${TEST_APP_ID}/helper`, { ...key, input: "capital of France" }),
    );
    expect(direct.status).toBe(412);
    expect((await talk("ask helper")).json.responses).toEqual(["Helper says nothing."]);
  });
});
