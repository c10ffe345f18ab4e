import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { PandorabotsClient } from "./client.js";
import { PandorabotsValidationError } from "./errors.js";
import { fileKindFromFileName } from "./file-kinds.js";
import {
  botNameProblem,
  clientNameProblem,
  fileKindProblem,
  fileNameProblem,
  isValidClientName,
} from "./validate.js";

let fake: FakePandorabots;
let client: PandorabotsClient;

beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", bots: ["mybot"] });
  client = new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: fake.userKey });
});
afterEach(() => fake.close());

async function rejectsBeforeSending(call: Promise<unknown>, field: string, words: RegExp) {
  const err = await call.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PandorabotsValidationError);
  expect(err).toMatchObject({ field, code: "PANDORABOTS_INVALID_ARGUMENT" });
  expect((err as Error).message).toMatch(words);
  expect(fake.calls).toEqual([]);
}

describe("checks made before any request", () => {
  it("bot names: 3 to 64 lowercase letters and digits", async () => {
    await rejectsBeforeSending(client.createBot("My-Bot"), "botname", /lowercase letters and digits/);
    await rejectsBeforeSending(client.createBot("ab"), "botname", /3 to 64/);
    expect(botNameProblem("a".repeat(65))).toBeDefined();
    expect(botNameProblem("bot007")).toBeUndefined();
  });

  it("file names: no extension, lowercase letters and digits", async () => {
    await rejectsBeforeSending(
      client.uploadFile("mybot", "set", "colors.set", "[]"),
      "filename",
      /without its extension/,
    );
    await rejectsBeforeSending(client.getFile("mybot", "aiml", "Greet_ings"), "filename", /lowercase/);
    expect(fileNameProblem("udc")).toBeUndefined();
  });

  it("file kinds: one of the six, with a name only where the kind takes one", async () => {
    await rejectsBeforeSending(
      client.uploadFile("mybot", "script" as never, "x", "[]"),
      "kind",
      /aiml, set, map, substitution, properties, pdefaults/,
    );
    await rejectsBeforeSending(
      client.getFile("mybot", "properties", "extra"),
      "filename",
      /one properties file/,
    );
    await rejectsBeforeSending(client.getFile("mybot", "map"), "filename", /required/);
    expect(fileKindProblem("pdefaults")).toBeUndefined();
    expect(fileKindFromFileName("colors.set")).toEqual({ kind: "set", name: "colors" });
    expect(fileKindFromFileName("notes.txt")).toBeUndefined();
  });

  it("client names: the documented form and atalk's hyphenated form", async () => {
    expect(isValidClientName("aiaas-app1-user-0042")).toBe(true);
    expect(isValidClientName("person42")).toBe(true);
    expect(clientNameProblem("Person 42")).toMatch(/client_name/);
    await rejectsBeforeSending(
      client.talk({ botname: "mybot", input: "hi", client_name: "x" }),
      "client_name",
      /3 to 64/,
    );
  });

  it("input: not blank and at most 2000 characters", async () => {
    await rejectsBeforeSending(client.talk({ botname: "mybot", input: "  " }), "input", /blank/);
    await rejectsBeforeSending(
      client.talk({ botname: "mybot", input: "a".repeat(2001) }),
      "input",
      /2001 characters long; the talk API accepts at most 2000/,
    );
  });

  it("trace cannot go with client_name, and the session id must be a 4-byte integer", async () => {
    await rejectsBeforeSending(
      client.talk({ botname: "mybot", input: "hi", client_name: "person42", trace: true }),
      "trace",
      /cannot be combined/,
    );
    await rejectsBeforeSending(
      client.talk({ botname: "mybot", input: "hi", sessionid: "abc" }),
      "sessionid",
      /4-byte/,
    );
  });

  it("credentials: says which setting is missing", async () => {
    const bare = new PandorabotsClient({ baseUrl: fake.url });
    await rejectsBeforeSending(bare.listBots(), "appId", /PANDORABOTS_APP_ID/);
    await rejectsBeforeSending(bare.talk({ input: "hi" }), "botname", /botkey/);
    expect(() => new PandorabotsClient({ baseUrl: "not a url" })).toThrow(PandorabotsValidationError);
  });
});
