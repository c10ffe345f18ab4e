import { ConfigError } from "@parley/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { pandorabotsFromConfig } from "./from-config.js";

let fake: FakePandorabots;
beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: ["mybot"], botkeys: { bk1: "mybot" } });
});
afterEach(() => fake.close());

const person = {
  id: "i1",
  bot: "mybot",
  channel: "test",
  userId: "u1",
  clientName: null,
  sessionId: null,
  lastSeenAt: null,
  createdAt: 0,
};

it("talks with app id, user key and botname from the config", async () => {
  const { backend } = pandorabotsFromConfig({
    host: fake.url,
    appId: "app1",
    userKey: fake.userKey,
    botname: "mybot",
  });
  await backend.talk({ interlocutor: person, input: "hi" });
  expect(fake.calls.at(-1)).toMatchObject({ path: "/atalk/app1/mybot", status: 200 });
});

it("falls back to the botkey when the app settings are incomplete", async () => {
  const { backend } = pandorabotsFromConfig({ host: fake.url, botkey: "bk1", botname: "mybot" });
  await backend.talk({ interlocutor: person, input: "hi" });
  expect(fake.calls.at(-1)).toMatchObject({ path: "/atalk", status: 200 });
});

it("names the missing variables when neither way is configured", () => {
  expect(() => pandorabotsFromConfig({ host: fake.url, appId: "app1" })).toThrow(ConfigError);
  expect(() => pandorabotsFromConfig({ appId: "app1" })).toThrow(
    /missing: PANDORABOTS_USER_KEY, PANDORABOTS_BOTNAME\), or PANDORABOTS_BOTKEY/,
  );
});
