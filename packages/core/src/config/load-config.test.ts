import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../errors/index.js";
import { CONFIG_VARIABLES, configSecrets, loadConfig } from "./index.js";

const created: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-config-"));
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message.split("\n");
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("starts with documented defaults when nothing is set", () => {
    const cwd = tempDir();
    const config = loadConfig({ env: {}, cwd });
    expect(config).toMatchObject({
      pandorabots: { host: "https://api.pandorabots.com" },
      dataDir: join(cwd, "data"),
      talk: { concurrency: 8, timeoutMs: 15000, retries: 3 },
      queue: { maxBacklog: 1000 },
      http: { host: "127.0.0.1", port: 3000 },
      logLevel: "info",
    });
    expect(config.talk.rate).toBeUndefined();
    expect(config.replies.busy).toMatch(/lot of messages/);
    expect(config.replies.apology).toMatch(/Sorry/);
    expect(config.configFile).toBeUndefined();
  });

  it("reads every variable from the environment", () => {
    const config = loadConfig({
      cwd: tempDir(),
      env: {
        PANDORABOTS_HOST: "http://127.0.0.1:8080/",
        PANDORABOTS_APP_ID: "unit1234",
        PANDORABOTS_USER_KEY: "uk-secret",
        PANDORABOTS_BOTNAME: "demo",
        PANDORABOTS_BOTKEY: "bk-secret",
        PARLEY_DATA_DIR: "/var/lib/parley",
        PARLEY_TALK_CONCURRENCY: "4",
        PARLEY_TALK_RATE: "600/1m",
        PARLEY_TALK_TIMEOUT_MS: "2500",
        PARLEY_TALK_RETRIES: "0",
        PARLEY_QUEUE_MAX_BACKLOG: "50",
        PARLEY_BUSY_REPLY: "Busy!",
        PARLEY_APOLOGY_REPLY: "Oops.",
        HOST: "0.0.0.0",
        PORT: "8081",
        PARLEY_PUBLIC_URL: "https://bot.example.com/",
        LOG_LEVEL: "DEBUG",
      },
    });
    expect(config).toMatchObject({
      pandorabots: {
        host: "http://127.0.0.1:8080",
        appId: "unit1234",
        userKey: "uk-secret",
        botname: "demo",
        botkey: "bk-secret",
      },
      dataDir: "/var/lib/parley",
      talk: { concurrency: 4, rate: { limit: 600, intervalMs: 60_000 }, timeoutMs: 2500, retries: 0 },
      queue: { maxBacklog: 50 },
      replies: { busy: "Busy!", apology: "Oops." },
      http: { host: "0.0.0.0", port: 8081 },
      publicUrl: "https://bot.example.com",
      logLevel: "debug",
    });
    expect(configSecrets(config).sort()).toEqual(["bk-secret", "uk-secret"]);
  });

  it("reads parley.config.yaml from the working directory and lets env vars override it", () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "parley.config.yaml"),
      "pandorabots:\n  botname: fromfile\ntalk:\n  concurrency: 2\n  rate: 5/s\nhttp:\n  port: 4000\n",
    );
    const config = loadConfig({ cwd, env: { PORT: "5000" } });
    expect(config.pandorabots.botname).toBe("fromfile");
    expect(config.talk).toMatchObject({ concurrency: 2, rate: { limit: 5, intervalMs: 1000 } });
    expect(config.http.port).toBe(5000);
    expect(config.configFile).toBe(join(cwd, "parley.config.yaml"));
  });

  it("keeps channel settings from the file by their variable names, treated as secrets when they are", () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "parley.config.yaml"),
      "channels:\n  TELEGRAM_BOT_TOKEN: 123:file-token\n  TELEGRAM_MODE: polling\n  PARLEY_WEBCHAT_MAX_TEXT: 500\n",
    );
    const config = loadConfig({ cwd, env: {} });
    expect(config.channels).toEqual({
      TELEGRAM_BOT_TOKEN: "123:file-token",
      TELEGRAM_MODE: "polling",
      PARLEY_WEBCHAT_MAX_TEXT: "500",
    });
    expect(configSecrets(config)).toContain("123:file-token");
    expect(configSecrets(config)).not.toContain("polling");

    writeFileSync(join(cwd, "parley.config.yaml"), "channels:\n  telegram_token: x\n");
    expect(problemsOf(() => loadConfig({ cwd, env: {} })).join("\n")).toMatch(/channels\.telegram_token/);
  });

  it("reads a JSON file named by PARLEY_CONFIG", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "custom.json"), JSON.stringify({ logLevel: "warn", queue: { maxBacklog: 7 } }));
    const config = loadConfig({ cwd, env: { PARLEY_CONFIG: "custom.json" } });
    expect(config.logLevel).toBe("warn");
    expect(config.queue.maxBacklog).toBe(7);
  });

  it("reports every invalid value at once, one line each, naming the variable", () => {
    const problems = problemsOf(() =>
      loadConfig({
        cwd: tempDir(),
        env: {
          PORT: "eighty",
          PARLEY_TALK_CONCURRENCY: "0",
          PARLEY_TALK_RATE: "fast",
          LOG_LEVEL: "loud",
          PANDORABOTS_HOST: "ftp://x",
          PANDORABOTS_BOTNAME: "My Bot",
        },
      }),
    );
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: must be a whole number from 0 to 65535 (got "eighty")',
        'PARLEY_TALK_CONCURRENCY: must be a whole number from 1 to 1000 (got "0")',
        expect.stringMatching(/^PARLEY_TALK_RATE: must be calls\/period such as "10\/1s"/),
        'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
        expect.stringMatching(/^PANDORABOTS_HOST: must be an http\(s\) URL/),
        'PANDORABOTS_BOTNAME: must be 3 to 64 lowercase letters and digits (got "My Bot")',
      ]),
    );
  });

  it("names the file key when the bad value came from the file, and flags unknown keys", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "parley.config.yml"), "talk:\n  retries: -1\n  concurency: 3\nport: 1\n");
    const problems = problemsOf(() => loadConfig({ cwd, env: {} }));
    expect(problems.sort()).toEqual([
      "parley.config.yml port: unknown setting",
      "parley.config.yml talk.concurency: unknown setting",
      'parley.config.yml talk.retries: must be a whole number from 0 to 20 (got "-1")',
    ]);
  });

  it("requires the app id with a user key, without echoing the key", () => {
    const problems = problemsOf(() =>
      loadConfig({ cwd: tempDir(), env: { PANDORABOTS_USER_KEY: "topsecret" } }),
    );
    expect(problems).toEqual(["PANDORABOTS_APP_ID: is required with a user key"]);
    const invalid = problemsOf(() =>
      loadConfig({ cwd: tempDir(), env: { PANDORABOTS_APP_ID: "a", PANDORABOTS_BOTKEY: " " } }),
    );
    expect(invalid).toEqual(["PANDORABOTS_USER_KEY: is required with an app id (or set a botkey instead)"]);
    expect(problems.join()).not.toContain("topsecret");
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ cwd: tempDir(), env: { PORT: "", LOG_LEVEL: "  " } }).http.port).toBe(3000);
  });

  it("explains a missing or broken config file in one line", () => {
    const cwd = tempDir();
    expect(problemsOf(() => loadConfig({ cwd, env: { PARLEY_CONFIG: "nope.yaml" } }))).toEqual([
      `PARLEY_CONFIG: file not found: ${join(cwd, "nope.yaml")}`,
    ]);
    writeFileSync(join(cwd, "parley.config.yaml"), "talk: [unclosed\n");
    expect(problemsOf(() => loadConfig({ cwd, env: {} }))[0]).toMatch(
      /^parley\.config\.yaml: not valid YAML/,
    );
    writeFileSync(join(cwd, "list.json"), "[1,2]");
    expect(problemsOf(() => loadConfig({ cwd, env: { PARLEY_CONFIG: "list.json" } }))[0]).toMatch(
      /^list\.json: must hold a mapping/,
    );
  });

  it("documents every variable with a description, and marks the secrets", () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "PANDORABOTS_HOST",
        "PANDORABOTS_APP_ID",
        "PANDORABOTS_USER_KEY",
        "PANDORABOTS_BOTNAME",
        "PANDORABOTS_BOTKEY",
        "PARLEY_DATA_DIR",
        "PARLEY_TALK_CONCURRENCY",
        "PARLEY_TALK_RATE",
        "LOG_LEVEL",
        "PORT",
        "HOST",
        "PARLEY_TALK_TIMEOUT_MS",
        "PARLEY_TALK_RETRIES",
        "PARLEY_QUEUE_MAX_BACKLOG",
        "PARLEY_BUSY_REPLY",
        "PARLEY_APOLOGY_REPLY",
        "PARLEY_PUBLIC_URL",
      ]),
    );
    for (const v of CONFIG_VARIABLES) expect(v.description.length).toBeGreaterThan(10);
    expect(CONFIG_VARIABLES.filter((v) => v.secret).map((v) => v.name)).toEqual([
      "PANDORABOTS_USER_KEY",
      "PANDORABOTS_BOTKEY",
    ]);
  });
});

describe("config/README.md", () => {
  it("documents every variable", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    for (const v of CONFIG_VARIABLES) expect(readme).toMatch(new RegExp(`\\|\\s*\`${v.name}\`\\s*\\|`));
  });
});
