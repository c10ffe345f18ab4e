import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LongRunning, spawnParley } from "./testing/cli-process.js";

interface WebchatAnswer {
  interlocutor: { id: string; clientName: string | null };
  replies: { messages: Array<Array<{ type: string; text?: string }>> };
}

async function say(base: string, userId: string, text: string): Promise<WebchatAnswer> {
  const res = await fetch(`${base}/api/webchat/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId, text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WebchatAnswer;
}

/** Waits until the gateway has accepted `n` web chat messages (from /metrics). */
async function receivedCount(base: string, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const m = metrics.match(/parley_messages_received_total\{channel="webchat"\} (\d+)/);
    if (m && Number(m[1]) >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the gateway never accepted ${n} messages`);
}

const textOf = (a: WebchatAnswer) =>
  a.replies.messages
    .flat()
    .map((p) => p.text ?? "")
    .join(" ");

describe("parley start as a child process", { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  const running: LongRunning[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) await p.stop("SIGKILL");
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function start(dataDir: string) {
    // A slow plan (2 talk calls a second) keeps accepted messages queued when SIGTERM arrives.
    const p = spawnParley(["start"], {
      PORT: "0",
      PARLEY_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      PARLEY_TALK_RATE: "2/1s",
    });
    running.push(p);
    return p;
  }

  it("answers through the web chat API, drains accepted messages on SIGTERM, exits 0 and remembers after a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "parley-start-"));
    dirs.push(dataDir);
    const first = start(dataDir);
    const [, base] = await first.waitFor(/open (http:\/\/127\.0\.0\.1:\d+)\//);
    expect(first.output().stdout).toMatch(/talk API\s+embedded/);
    expect(first.output().stdout).toMatch(/telegram\s+off\s+set TELEGRAM_BOT_TOKEN/);

    const hello = await say(base as string, "ada", "hello");
    expect(hello.interlocutor.clientName).toMatch(/^aiaas-/);
    expect(textOf(hello).length).toBeGreaterThan(0);

    // Ten people at once, then SIGTERM while their messages are in the queue: every one is answered.
    const inFlight = Array.from({ length: 10 }, (_, i) =>
      say(base as string, `p${i}`, `my name is Person${i}`),
    );
    await receivedCount(base as string, 11);
    const exit = first.stop("SIGTERM");
    const answers = await Promise.all(inFlight);
    for (const [i, a] of answers.entries()) expect(textOf(a)).toContain(`Person${i}`);
    expect(await exit).toBe(0);

    const second = start(dataDir);
    const [, base2] = await second.waitFor(/open (http:\/\/127\.0\.0\.1:\d+)\//);
    const again = await say(base2 as string, "p3", "what is my name");
    expect(again.interlocutor.clientName).toBe(answers[3]?.interlocutor.clientName);
    expect(textOf(again)).toContain("Person3");
    expect(await second.stop("SIGTERM")).toBe(0);
  }, 60_000); // two Parley processes, started one after the other

  it("refuses bad configuration with one clear line per problem and a non-zero exit", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "parley-start-"));
    dirs.push(dataDir);
    const p = spawnParley(["start"], {
      PARLEY_DATA_DIR: dataDir,
      PORT: "not-a-port",
      PARLEY_TALK_RATE: "fast",
      TELEGRAM_BOT_TOKEN: "not-a-token",
    });
    running.push(p);
    const code = await new Promise<number | null>((resolve) => p.child.on("exit", resolve));
    expect(code).toBe(1);
    const { stderr } = p.output();
    expect(stderr).toMatch(/PORT: /);
    expect(stderr).toMatch(/PARLEY_TALK_RATE: /);
    // The channels' problems come in the same run, without echoing the secret.
    expect(stderr).toMatch(/TELEGRAM_BOT_TOKEN: /);
    expect(stderr).not.toContain("not-a-token");
  });
});
