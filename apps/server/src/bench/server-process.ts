// Runs the server in a child process, so the load generator does not share its event loop.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** CPU seconds (user + system, all threads) the server has used so far; null off Linux. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const main = fileURLToPath(new URL("../main.js", import.meta.url));
  // Request logs go to stderr, which is discarded: the logging cost is still paid, as in production.
  // PARLEY_BENCH_SERVER_NODE_ARGS passes flags to the server's node only (e.g. `--cpu-prof`).
  const nodeArgs = (process.env.PARLEY_BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main, "--port", "0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited early (code ${code}): ${out}`)));
  });
  return {
    url,
    child,
    cpuSeconds: () => {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks (100/s).
        const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
