import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAIN } from "./testing/cli-process.js";

function chat(
  dataDir: string,
  lines: string[],
  user = "bob",
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, "chat", "--user", user], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PARLEY_DATA_DIR: dataDir },
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

describe("parley chat", { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("answers piped lines through the gateway, renders rich parts as text, and remembers the person next time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-chat-"));
    dirs.push(dir);
    const first = await chat(dir, ["my name is Bob", "buttons"]);
    expect(first.code).toBe(0);
    const answers = first.stdout.split("bot> ").slice(1);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain("Bob");
    // Buttons are shown as text with their labels.
    expect(answers[1]).toMatch(/Send "hello"/);

    const second = await chat(dir, ["what is my name"]);
    expect(second.stdout).toContain("Your name is Bob");
  });
});
