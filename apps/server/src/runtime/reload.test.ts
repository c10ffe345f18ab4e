// reload=true recompiles the serving version (the stored source of the last good verify) into memory.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlEngine } from "../engine/contract.js";
import { compileFakeBot } from "../testing/fake-aiml.js";
import { createCompiledBot, MEMORY_AIML } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

describe("talk with reload=true", () => {
  let h: Harness;
  const compiled: string[] = [];
  // Records the source of every compile, so the test sees what was recompiled.
  const engine: AimlEngine = {
    compileBot(source) {
      compiled.push(source.aiml.map((f) => f.content).join("\n"));
      return compileFakeBot(source);
    },
  };
  beforeEach(async () => {
    compiled.length = 0;
    h = await startHarness({ engine });
    await createCompiledBot(h, "membot");
  });
  afterEach(async () => {
    await h.dispose();
  });

  const talk = async (query: Record<string, string>) =>
    (await call("POST", h.url(`/talk/${TEST_APP_ID}/membot`, { user_key: TEST_USER_KEY, ...query }))).json;

  it("recompiles the serving version, not files uploaded since, and keeps the client's predicates", async () => {
    await talk({ input: "my name is Ada", client_name: "ada1" });
    const changed = MEMORY_AIML.replace("Hi there!", "Hello from the unverified upload!");
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/membot/file/memory.aiml`, { user_key: TEST_USER_KEY }), {
      body: changed,
    });
    const before = compiled.length;

    expect((await talk({ input: "hello" })).responses).toEqual(["Hi there!"]);
    expect(compiled.length).toBe(before); // a plain talk uses the version in memory

    expect((await talk({ input: "hello", reload: "true" })).responses).toEqual(["Hi there!"]);
    expect(compiled.slice(before)).toEqual([MEMORY_AIML]);
    expect((await talk({ input: "what is my name", client_name: "ada1", reload: "true" })).responses).toEqual(
      ["Your name is Ada."],
    );
    expect(compiled.length).toBe(before + 2);
  });
});
