// The standalone server (dist/main.js) as a real process: talk workers, node flags, SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

it("starts its talk workers under process-wide node flags, answers, and exits 0 on SIGTERM", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-main-"));
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=256", MAIN, "--port", "0", "--data-dir", dataDir],
    {
      env: {
        ...process.env,
        PARLEY_SERVER_USER_KEY: "main-process-key-0123",
        PARLEY_SERVER_TALK_WORKERS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`exited early (${code}): ${out}${stderr}`)));
  });
  const reply = await fetch(`${url}/talk/parley/parley`, {
    method: "POST",
    body: new URLSearchParams({ user_key: "main-process-key-0123", input: "hello", client_name: "ann" }),
  });
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { responses: string[] }).responses[0]).toMatch(/Parley demo bot/);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(stderr).toContain('"talkWorkers":2');
  expect(stderr).not.toContain("main-process-key-0123");
  rmSync(dataDir, { recursive: true, force: true });
});
