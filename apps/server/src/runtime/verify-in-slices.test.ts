// Turns on the HTTP thread (the default up to two cores): a long compile must not stop talk.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCompiledBot, startBigVerify } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const key = { user_key: TEST_USER_KEY };

describe("verify on the thread that answers talk", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ engine: undefined, talkWorkers: 0 });
    await createCompiledBot(h, "memory");
  });
  afterEach(async () => {
    await h.dispose();
  });

  it("compiles in slices: health checks and other bots' talk are answered while a big bot compiles", async () => {
    const verify = await startBigVerify(h, "big");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const health = await call("GET", h.url("/healthz"));
    const talk = await call("POST", h.url(`/talk/${TEST_APP_ID}/memory`), {
      body: new URLSearchParams({ ...key, client_name: "ann", input: "my name is Ann" }),
    });
    const answeredAt = performance.now();

    expect(health.status).toBe(200);
    expect(talk.json.responses).toEqual(["Nice to meet you, Ann."]);
    expect((await verify.reply).status).toBe(200);
    expect(answeredAt).toBeLessThan(verify.finishedAt());
    const bigTalk = await call("POST", h.url(`/talk/${TEST_APP_ID}/big`), {
      body: new URLSearchParams({ ...key, client_name: "ann", input: "topic7 please" }),
    });
    expect(bigTalk.json.responses).toEqual(["Answer 7."]);
  });

  it("lets the later of two overlapping verifies decide what serves", async () => {
    // The first version is large and the second small: compiled side by side, the second would finish
    // first and then be replaced by the older files.
    const file = (answer: string, fillers: number) =>
      `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0"><category><pattern>HELLO</pattern><template>${answer}</template></category>${Array.from(
        { length: fillers },
        (_, i) => `<category><pattern>FILLER${i}</pattern><template>x</template></category>`,
      ).join("")}</aiml>`;
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/twice`, key));
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/twice/file/main.aiml`, key), {
      body: file("First.", 30_000),
    });
    const first = call("GET", h.url(`/bot/${TEST_APP_ID}/twice/verify`, key));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/twice/file/main.aiml`, key), { body: file("Second.", 1) });
    const second = call("GET", h.url(`/bot/${TEST_APP_ID}/twice/verify`, key));
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    const hello = await call("POST", h.url(`/talk/${TEST_APP_ID}/twice`), {
      body: new URLSearchParams({ ...key, input: "hello" }),
    });
    expect(hello.json.responses).toEqual(["Second."]);
  });
});
