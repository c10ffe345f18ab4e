import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakePandorabots, startFakePandorabots } from "../testing/index.js";
import { PandorabotsClient } from "./client.js";
import {
  PandorabotsBadRequestError,
  PandorabotsConflictError,
  PandorabotsPreconditionError,
} from "./errors.js";

let fake: FakePandorabots;
let client: PandorabotsClient;

beforeEach(async () => {
  fake = await startFakePandorabots({ appId: "app1", userKey: "secret-key-1" });
  client = new PandorabotsClient({ baseUrl: fake.url, appId: "app1", userKey: "secret-key-1" });
});
afterEach(() => fake.close());

const last = () => fake.calls.at(-1);

describe("bots", () => {
  it("creates, lists and deletes bots with the documented method, path and user_key", async () => {
    await client.createBot("alice1");
    expect(last()).toMatchObject({ method: "PUT", path: "/bot/app1/alice1", status: 200 });
    expect(last()?.query.user_key).toBe("secret-key-1");

    await client.createBot("bob22");
    const bots = await client.listBots();
    expect(last()).toMatchObject({ method: "GET", path: "/bot/app1", status: 200 });
    expect(bots.map((b) => b.botname)).toEqual(["alice1", "bob22"]);

    await client.deleteBot("alice1");
    expect(last()).toMatchObject({ method: "DELETE", path: "/bot/app1/alice1", status: 200 });
    expect((await client.listBots()).map((b) => b.botname)).toEqual(["bob22"]);
  });

  it("reports an existing bot as a conflict and a missing one as a failed precondition", async () => {
    await client.createBot("alice1");
    await expect(client.createBot("alice1")).rejects.toBeInstanceOf(PandorabotsConflictError);
    const err = await client.deleteBot("nobody").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsPreconditionError);
    expect((err as PandorabotsPreconditionError).status).toBe(412);
  });
});

describe("files", () => {
  beforeEach(() => client.createBot("mybot"));

  it("uploads, reads and deletes every kind of file at its documented path", async () => {
    const aiml =
      '<aiml version="2.0"><category><pattern>HI</pattern><template>Hello</template></category></aiml>';
    const cases = [
      { kind: "aiml", name: "greetings", path: "/bot/app1/mybot/file/greetings.aiml", content: aiml },
      {
        kind: "set",
        name: "colors",
        path: "/bot/app1/mybot/set/colors",
        content: '[["red"],["ice","blue"]]',
      },
      {
        kind: "map",
        name: "capitals",
        path: "/bot/app1/mybot/map/capitals",
        content: '[["France","Paris"]]',
      },
      {
        kind: "substitution",
        name: "normal",
        path: "/bot/app1/mybot/substitution/normal",
        content: '[["u","you"]]',
      },
      {
        kind: "properties",
        name: undefined,
        path: "/bot/app1/mybot/properties",
        content: '[["name","Ann"]]',
      },
      { kind: "pdefaults", name: undefined, path: "/bot/app1/mybot/pdefaults", content: '[["mood","calm"]]' },
    ] as const;
    for (const c of cases) {
      await client.uploadFile("mybot", c.kind, c.name, c.content);
      expect(last()).toMatchObject({ method: "PUT", path: c.path, status: 200, body: c.content });
      expect(await client.getFile("mybot", c.kind, c.name)).toBe(c.content);
      expect(last()).toMatchObject({ method: "GET", path: c.path, status: 200 });
    }

    const list = await client.listFiles("mybot");
    expect(last()).toMatchObject({ method: "GET", path: "/bot/app1/mybot" });
    expect(list.files.map((f) => f.name)).toEqual(["greetings.aiml"]);
    expect(list.sets.map((f) => f.name)).toEqual(["colors.set"]);
    expect(list.maps.map((f) => f.name)).toEqual(["capitals.map"]);
    expect(list.substitutions.map((f) => f.name)).toEqual(["normal.substitution"]);
    expect(list.properties.map((f) => f.name)).toEqual(["mybot.properties"]);
    expect(list.pdefaults.map((f) => f.name)).toEqual(["mybot.pdefaults"]);

    for (const c of cases) {
      await client.deleteFile("mybot", c.kind, c.name);
      expect(last()).toMatchObject({ method: "DELETE", path: c.path, status: 200 });
    }
    const empty = await client.listFiles("mybot");
    expect([...empty.files, ...empty.sets, ...empty.maps, ...empty.substitutions]).toEqual([]);
  });

  it("downloads every file as a zip with return=zip", async () => {
    await client.uploadFile("mybot", "aiml", "a", "<aiml></aiml>");
    await client.uploadFile("mybot", "set", "colors", '[["red"]]');
    const zip = await client.downloadZip("mybot");
    expect(last()?.query.return).toBe("zip");
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["a.aiml", "colors.set"]);
    expect(strFromU8(files["colors.set"] as Uint8Array)).toBe('[["red"]]');
  });

  it("compiles the bot and hands back the service's compile errors naming the file", async () => {
    await client.uploadFile("mybot", "aiml", "good", "<aiml><category/></aiml>");
    await expect(client.verify("mybot")).resolves.toMatchObject({ status: "ok" });
    expect(last()).toMatchObject({ method: "GET", path: "/bot/app1/mybot/verify" });

    await client.uploadFile("mybot", "aiml", "broken", "<aiml><category>");
    const err = await client.verify("mybot").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsBadRequestError);
    expect((err as PandorabotsBadRequestError).results).toEqual([
      expect.objectContaining({ filename: "broken.aiml" }),
    ]);
  });

  it("names the file when the service refuses an upload", async () => {
    const err = await client.uploadFile("mybot", "set", "colors", "not json").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PandorabotsBadRequestError);
    expect((err as PandorabotsBadRequestError).file).toBe("colors.set");
    expect((err as Error).message).toContain("colors.set");

    const missing = await client.getFile("mybot", "map", "nothere").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PandorabotsPreconditionError);
    expect((missing as Error).message).toContain("nothere.map");
  });
});
