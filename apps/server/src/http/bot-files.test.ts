import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const key = { user_key: TEST_USER_KEY };
const AIML = `<?xml version="1.0" encoding="UTF-8"?>
<aiml version="2.0"><category><pattern>HELLO</pattern><template>Hi there!</template></category></aiml>`;

describe("bots and files over HTTP", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  const bot = (name: string, rest = "") => h.url(`/bot/${TEST_APP_ID}/${name}${rest}`, key);

  it("creates, lists and deletes bots with the documented status codes", async () => {
    expect((await call("PUT", bot("mybot"))).json).toEqual({ status: "ok" });
    expect((await call("PUT", bot("mybot"))).status).toBe(409);
    expect((await call("PUT", bot("My-Bot"))).status).toBe(400);
    expect((await call("PUT", bot("ab"))).status).toBe(400);

    const list = await call("GET", h.url(`/bot/${TEST_APP_ID}`, key));
    expect(list.status).toBe(200);
    expect(list.json.map((b: { botname: string }) => b.botname)).toEqual(["mybot"]);

    expect((await call("DELETE", bot("mybot"))).json).toEqual({ status: "ok" });
    expect((await call("DELETE", bot("mybot"))).status).toBe(412);
    expect((await call("GET", h.url(`/bot/${TEST_APP_ID}`, key))).json).toEqual([]);
  });

  it("uploads, retrieves and deletes every file kind, whatever the content type", async () => {
    await call("PUT", bot("mybot"));
    // curl --data-binary sends application/x-www-form-urlencoded; the raw body must still be stored.
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(
      (await call("PUT", bot("mybot", "/file/greetings.aiml"), { body: AIML, headers: form })).status,
    ).toBe(200);
    const uploads: Array<[string, string]> = [
      ["/set/colors", '[["red"],["air","force","blue"]]'],
      ["/map/capitals", '[["France","Paris"]]'],
      ["/substitution/normal", '[["dont","do not"]]'],
      ["/properties", '[["name","Parley"]]'],
      ["/pdefaults", '[["name","friend"]]'],
    ];
    for (const [path, body] of uploads) {
      const put = await call("PUT", bot("mybot", path), { body, headers: { "content-type": "text/plain" } });
      expect(put.json, path).toEqual({ status: "ok" });
    }

    const aiml = await call("GET", bot("mybot", "/file/greetings.aiml"));
    expect(aiml.status).toBe(200);
    expect(aiml.text).toBe(AIML);
    expect((await call("GET", bot("mybot", "/set/colors"))).json).toEqual([
      ["red"],
      ["air", "force", "blue"],
    ]);
    expect((await call("GET", bot("mybot", "/properties"))).json).toEqual([["name", "Parley"]]);

    const listing = await call("GET", bot("mybot"));
    expect(listing.json).toMatchObject({
      botname: "mybot",
      files: [{ name: "greetings.aiml" }],
      sets: [{ name: "colors.set" }],
      maps: [{ name: "capitals.map" }],
      substitutions: [{ name: "normal.substitution" }],
      properties: [{ name: "mybot.properties" }],
      pdefaults: [{ name: "mybot.pdefaults" }],
    });

    expect((await call("DELETE", bot("mybot", "/map/capitals"))).json).toEqual({ status: "ok" });
    expect((await call("GET", bot("mybot", "/map/capitals"))).status).toBe(412);
    expect((await call("DELETE", bot("mybot", "/map/capitals"))).status).toBe(412);
    expect((await call("DELETE", bot("mybot", "/pdefaults"))).json).toEqual({ status: "ok" });
    expect((await call("GET", bot("mybot", "/pdefaults"))).status).toBe(412);
  });

  it("returns a real zip of every file with return=zip", async () => {
    await call("PUT", bot("mybot"));
    await call("PUT", bot("mybot", "/file/greetings.aiml"), { body: AIML });
    await call("PUT", bot("mybot", "/set/colors"), { body: '[["red"]]' });
    const response = await fetch(h.url(`/bot/${TEST_APP_ID}/mybot`, { ...key, return: "zip" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(["colors.set", "greetings.aiml"]);
    expect(new TextDecoder().decode(entries["greetings.aiml"])).toBe(AIML);
  });

  it("answers bad names 400, bad kinds 404, bad JSON 400 naming the problem, unknown bot or file 412", async () => {
    await call("PUT", bot("mybot"));
    expect((await call("PUT", bot("mybot", "/file/Bad_Name.aiml"), { body: AIML })).status).toBe(400);
    expect((await call("PUT", bot("mybot", "/file/noextension"), { body: AIML })).status).toBe(400);
    expect((await call("PUT", bot("mybot", "/set/bad.set"), { body: "[]" })).status).toBe(400);
    expect((await call("PUT", bot("mybot", "/widget/colors"), { body: "[]" })).status).toBe(404);
    expect((await call("GET", bot("mybot", "/widget"))).status).toBe(404);

    const malformed = await call("PUT", bot("mybot", "/set/colors"), { body: '[["red"' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/^colors\.set: malformed JSON/);
    const wrongShape = await call("PUT", bot("mybot", "/map/capitals"), { body: '[["France"]]' });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.message).toBe("capitals.map: entry 1 must be a [key, value] pair of strings");

    expect((await call("PUT", bot("nobot", "/file/greetings.aiml"), { body: AIML })).status).toBe(412);
    expect((await call("GET", bot("mybot", "/file/missing.aiml"))).status).toBe(412);
    expect((await call("GET", bot("nobot"))).status).toBe(412);
    expect((await call("GET", bot("nobot", "/verify"))).status).toBe(412);
  });
});
