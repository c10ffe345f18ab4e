import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { PandorabotsClient } from "./client.js";

let fake: FakePandorabots;

beforeEach(async () => {
  fake = await startFakePandorabots({
    appId: "app1",
    userKey: "secret-key-1",
    botkeys: { "public-bot-key": "mybot" },
    bots: ["mybot"],
  });
});
afterEach(() => fake.close());

const appClient = (talkParamsIn: "form" | "query" = "form") =>
  new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: "secret-key-1", talkParamsIn });

describe.each(["form", "query"] as const)("talk parameters sent as %s", (variant) => {
  it("atalk creates a client name, and talk continues with it and the session", async () => {
    const client = appClient(variant);
    const first = await client.atalk({ botname: "mybot", input: "Hello there." });
    expect(first.clientName).toBe("aiaas-app1-user-0000");
    expect(first.responses).toEqual(["You said: Hello there."]);
    expect(typeof first.sessionId).toBe("number");
    expect(fake.calls.at(-1)).toMatchObject({ method: "POST", path: "/atalk/app1/mybot", paramsIn: variant });

    const next = await client.talk({
      botname: "mybot",
      input: "How are you? Fine.",
      client_name: first.clientName,
      sessionid: first.sessionId,
    });
    expect(next.responses).toEqual(["You said: How are you?", "You said: Fine."]);
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.clientName).toBe("aiaas-app1-user-0000");
    const call = fake.calls.at(-1);
    expect(call).toMatchObject({ path: "/talk/app1/mybot", paramsIn: variant, status: 200 });
    expect(call?.params).toEqual({
      input: "How are you? Fine.",
      client_name: "aiaas-app1-user-0000",
      sessionid: String(first.sessionId),
    });
    // The user key travels as a credential in the query string only.
    expect(call?.query.user_key).toBe("secret-key-1");
  });

  it("sends every optional talk parameter under its API name", async () => {
    const client = appClient(variant);
    await client.talk({
      botname: "mybot",
      input: "hi",
      client_name: "person42",
      sessionid: 77,
      extra: true,
      reset: true,
      recent: true,
      reload: true,
      that: "WHAT IS YOUR NAME",
      topic: "PETS",
    });
    expect(fake.calls.at(-1)?.params).toEqual({
      input: "hi",
      client_name: "person42",
      sessionid: "77",
      extra: "true",
      reset: "true",
      recent: "true",
      reload: "true",
      that: "WHAT IS YOUR NAME",
      topic: "PETS",
    });
  });
});

it("talks and atalks with a botkey instead of app id and user key", async () => {
  const client = new PandorabotsClient({ baseUrl: fake.url, botkey: "public-bot-key" });
  const first = await client.atalk({ input: "hi" });
  expect(fake.calls.at(-1)).toMatchObject({ method: "POST", path: "/atalk", status: 200 });
  expect(fake.calls.at(-1)?.query.botkey).toBe("public-bot-key");
  expect(first.clientName).toMatch(/^aiaas-app1-user-\d{4}$/);

  const next = await client.talk({
    input: "again",
    client_name: first.clientName,
    sessionid: first.sessionId,
  });
  expect(fake.calls.at(-1)).toMatchObject({ path: "/talk", status: 200 });
  expect(next.responses).toEqual(["You said: again"]);
});

it("returns extra conversation data and trace items typed", async () => {
  const client = appClient();
  const withExtra = await client.talk({ botname: "mybot", input: "hi", extra: true });
  expect(withExtra.extra).toMatchObject({ pattern: "*", filename: "fake.aiml" });

  const traced = await client.talk({ botname: "mybot", input: "hi", trace: true });
  expect(traced.trace?.[0]).toMatchObject({ level: 1, matched: "*", filename: "fake.aiml" });
});
