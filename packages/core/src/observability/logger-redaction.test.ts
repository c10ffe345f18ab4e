import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, redactSecrets } from "./index.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, text: () => lines.join("") };
}

const TOKEN = "xoxb-123456-SUPERSECRET";
const USER_KEY = "f3a9c0ffee5ecret";

describe("createLogger never writes a secret", () => {
  it("masks secret fields at any of the first three levels", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream });
    log.info({ token: TOKEN, user_key: USER_KEY }, "top level");
    log.info(
      {
        slack: { botToken: TOKEN },
        req: { headers: { authorization: `Bearer ${TOKEN}`, "x-api-key": TOKEN } },
      },
      "nested",
    );
    log.info({ options: { teams: { appPassword: TOKEN } } }, "deep");
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).not.toContain(USER_KEY);
    expect(out.text()).toContain(REDACTED);
    const nested = JSON.parse(out.lines[1] ?? "{}");
    expect(nested.req.headers.authorization).toBe(REDACTED);
    expect(nested.msg).toBe("nested");
  });

  it("masks known secret values in messages, errors and unknown fields", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, secrets: [TOKEN, USER_KEY, undefined] });
    log.error(
      { err: new Error(`request to https://api.test/talk?user_key=${USER_KEY} failed`) },
      "talk failed",
    );
    log.warn(`token ${TOKEN} rejected`);
    log.info({ note: `encoded ${encodeURIComponent(TOKEN)}` }, "x");
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).not.toContain(USER_KEY);
    expect(out.lines).toHaveLength(3);
    expect(JSON.parse(out.lines[1] ?? "{}").msg).toBe(`token ${REDACTED} rejected`);
  });

  it("masks credential query parameters even when the value was never declared", () => {
    const out = capture();
    createLogger({ destination: out.stream }).info({ url: "/talk/app/bot?user_key=abc123&input=hi" }, "req");
    expect(JSON.parse(out.lines[0] ?? "{}").url).toBe(`/talk/app/bot?user_key=${REDACTED}&input=hi`);
  });

  it("honours the level and writes JSON lines a shipper can read", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "warn" });
    log.info("hidden");
    log.warn({ channel: "slack" }, "shown");
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0] ?? "{}")).toMatchObject({ level: 40, channel: "slack", msg: "shown" });
    expect(log.child({ component: "gateway" }).level).toBe("warn");
  });
});

describe("pretty logs", () => {
  it("are human-readable and just as secret-free", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, pretty: true, secrets: [TOKEN] });
    log.info({ token: TOKEN, channel: "telegram" }, `started with ${TOKEN}`);
    expect(out.text()).toContain("INFO");
    expect(out.text()).toContain("started with");
    expect(out.text()).toContain("telegram");
    expect(out.text()).not.toContain(TOKEN);
  });
});

describe("redactSecrets", () => {
  it("masks every known value, longest first, and leaves other text alone", () => {
    expect(redactSecrets("a abcdef b abc c", ["abc", "abcdef"])).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(redactSecrets("nothing here", [TOKEN])).toBe("nothing here");
    expect(redactSecrets("x", ["", null, undefined])).toBe("x");
  });

  it("masks credential parameters in URLs", () => {
    expect(redactSecrets("POST /atalk?botkey=k3y&input=hello")).toBe(
      `POST /atalk?botkey=${REDACTED}&input=hello`,
    );
  });
});
