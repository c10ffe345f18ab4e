import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakePandorabots, startFakePandorabots } from "@parley/pandorabots/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type StartedParley, startParley } from "./start/run-start.js";

describe("parley start against a remote Pandorabots host", () => {
  let fake: FakePandorabots | undefined;
  let parley: StartedParley | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await parley?.stop();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("talks to PANDORABOTS_HOST with the configured credentials: atalk once, then talk with the stored client_name", async () => {
    fake = await startFakePandorabots({
      bots: ["remotebot"],
      respond: (ctx) => `remote heard: ${ctx.sentence}`,
    });
    dir = mkdtempSync(join(tmpdir(), "parley-remote-"));
    const printed: string[] = [];
    parley = await startParley({
      cwd: dir,
      print: (t) => printed.push(t),
      env: {
        PORT: "0",
        LOG_LEVEL: "silent",
        PARLEY_DATA_DIR: dir,
        PANDORABOTS_HOST: fake.url,
        PANDORABOTS_APP_ID: fake.appId,
        PANDORABOTS_USER_KEY: fake.userKey,
        PANDORABOTS_BOTNAME: "remotebot",
      },
    });
    expect(printed.join("\n")).toContain(`talk API   ${fake.url}`);
    expect(printed.join("\n")).not.toContain(fake.userKey);

    const say = async (text: string) => {
      const res = await fetch(`${parley?.listener.url}/api/webchat/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: "remote-user", text }),
      });
      return (await res.json()) as { replies: { messages: Array<Array<{ text?: string }>> } };
    };
    expect((await say("first")).replies.messages[0]?.[0]?.text).toBe("remote heard: first");
    expect((await say("second")).replies.messages[0]?.[0]?.text).toBe("remote heard: second");

    const endpoints = fake.talkCalls().map((c) => c.endpoint);
    expect(endpoints).toEqual(["atalk", "talk"]);
    expect(fake.talkCalls()[1]?.params.client_name).toMatch(/^aiaas-/);

    const ready = await fetch(`${parley.listener.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("names the missing variable when a remote host has no bot name or key", async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-remote-"));
    await expect(
      startParley({
        cwd: dir,
        print: () => {},
        env: { PORT: "0", LOG_LEVEL: "silent", PARLEY_DATA_DIR: dir, PANDORABOTS_HOST: "http://127.0.0.1:9" },
      }),
    ).rejects.toThrow(/PANDORABOTS_BOTNAME|PANDORABOTS_BOTKEY/);
  });
});
