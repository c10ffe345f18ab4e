import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LongRunning, runParley, spawnParley } from "./testing/cli-process.js";

const USER_KEY = "cli-test-user-key-0123456789";

describe("managing a running parley server with the command line", { timeout: 90_000 }, () => {
  let dir: string;
  let server: LongRunning;
  let host: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
    server = spawnParley(["server", "--port", "0", "--data-dir", join(dir, "data")], {
      PARLEY_SERVER_USER_KEY: USER_KEY,
      PARLEY_SERVER_APP_ID: "clitest",
      LOG_LEVEL: "warn",
    });
    const [, url] = await server.waitFor(/listening on (http:\/\/\S+)/);
    host = {
      PANDORABOTS_HOST: url as string,
      PANDORABOTS_APP_ID: "clitest",
      PANDORABOTS_USER_KEY: USER_KEY,
      PANDORABOTS_BOTNAME: "greeter",
    };
  }, 60_000);
  afterAll(async () => {
    expect(await server.stop("SIGTERM")).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it("pushes a folder of bot files, compiles, and talks to the bot", async () => {
    const bot = join(dir, "greeter");
    mkdirSync(join(bot, "sets"), { recursive: true });
    writeFileSync(
      join(bot, "greet.aiml"),
      `<?xml version="1.0" encoding="UTF-8"?>
<aiml version="2.0">
  <category><pattern>HELLO</pattern><template>Hi from the pushed bot!</template></category>
  <category><pattern>I LIKE <set>fruit</set></pattern><template>A fine fruit: <star/>.</template></category>
  <category><pattern>WHO ARE YOU</pattern><template>I am <bot name="name"/>.</template></category>
</aiml>`,
    );
    writeFileSync(join(bot, "sets", "fruit.set"), JSON.stringify([["apple"], ["pear"]]));
    writeFileSync(join(bot, "greeter.properties"), JSON.stringify([["name", "Greeter"]]));
    writeFileSync(join(bot, "notes.txt"), "not a bot file");

    const created = await runParley(["bots", "create", "greeter"], host);
    expect(created.code, created.stderr).toBe(0);

    const push = await runParley(["push", bot], host);
    expect(push.code, push.stderr).toBe(0);
    expect(push.stdout).toMatch(/uploaded .*greet\.aiml/);
    expect(push.stdout).toMatch(/uploaded .*fruit\.set/);
    expect(push.stdout).toMatch(/uploaded .*greeter\.properties/);
    expect(push.stdout).not.toMatch(/notes\.txt/);
    expect(push.stdout).toMatch(/compiled bot greeter: ok/);

    const hello = await runParley(["talk", "hello"], host);
    expect(hello.code, hello.stderr).toBe(0);
    expect(hello.stdout.trim()).toBe("Hi from the pushed bot!");

    const fruit = await runParley(["talk", "I", "like", "pear"], host);
    expect(fruit.stdout.trim()).toBe("A fine fruit: pear.");

    const who = await runParley(["talk", "who are you", "--bot", "greeter"], host);
    expect(who.stdout.trim()).toBe("I am Greeter.");

    const files = await runParley(["files", "list"], host);
    expect(files.stdout.split("\n")).toEqual(expect.arrayContaining(["greet.aiml", "fruit.set"]));
  });

  it("gets, pulls, compiles, atalks and deletes with the same host settings", async () => {
    const got = await runParley(["files", "get", "greet.aiml"], host);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toContain("<pattern>HELLO</pattern>");

    const backup = join(dir, "backup");
    const pull = await runParley(["pull", backup], host);
    expect(pull.code, pull.stderr).toBe(0);
    expect(readdirSync(backup).sort()).toEqual(["fruit.set", "greet.aiml", "greeter.properties"]);
    expect(JSON.parse(readFileSync(join(backup, "fruit.set"), "utf8"))).toEqual([["apple"], ["pear"]]);

    const compile = await runParley(["compile"], host);
    expect(compile.code, compile.stderr).toBe(0);
    expect(compile.stdout).toMatch(/compiled bot greeter: ok/);

    const atalk = await runParley(["atalk", "hello"], host);
    expect(atalk.code, atalk.stderr).toBe(0);
    expect(atalk.stdout.trim()).toBe("Hi from the pushed bot!");
    expect(atalk.stderr).toMatch(/client_name=aiaas-clitest-user-\d{4}/);

    const removed = await runParley(["files", "delete", "fruit.set"], host);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await runParley(["files", "list"], host)).stdout).not.toContain("fruit.set");

    await runParley(["bots", "create", "scratch"], host);
    const deleted = await runParley(["bots", "delete", "scratch"], host);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await runParley(["bots", "list"], host)).stdout.split("\n")).not.toContain("scratch");
  }, 60_000); // nine CLI processes, one after another

  it("shows help with an example for every command, and the version", async () => {
    const version = await runParley(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const commands = [
      ["start"],
      ["server"],
      ["chat"],
      ["bots"],
      ["bots", "list"],
      ["files"],
      ["files", "get"],
      ["push"],
      ["pull"],
      ["compile"],
      ["talk"],
      ["atalk"],
    ];
    // Thirteen node processes: started together, and given time on a slow machine.
    const helps = await Promise.all(commands.map((command) => runParley([...command, "--help"])));
    commands.forEach((command, i) => {
      expect(helps[i]?.code, command.join(" ")).toBe(0);
      expect(helps[i]?.stdout, command.join(" ")).toMatch(/Example/);
    });
  }, 60_000);

  it("reports compile errors with the file and the server's message, exit 1", async () => {
    const bad = join(dir, "bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(
      join(bad, "broken.aiml"),
      `<aiml><category><pattern>HI</pattern><template>oops</category></aiml>`,
    );
    await runParley(["bots", "create", "broken"], host);
    const push = await runParley(["push", bad, "--bot", "broken"], host);
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/broken\.aiml/);
    expect(push.stderr).not.toContain(USER_KEY);
  });

  it("exits 2 on usage errors and 1 when the host refuses the credentials, never printing the key", async () => {
    const usage = await runParley(["talk"], host);
    expect(usage.code).toBe(2);
    const refused = await runParley(["bots", "list"], { ...host, PANDORABOTS_USER_KEY: "wrong-key-value" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/401|unauthori[sz]ed|credentials/i);
    expect(refused.stderr + refused.stdout).not.toContain("wrong-key-value");
  });
});
