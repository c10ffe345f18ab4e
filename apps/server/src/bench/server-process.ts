// Runs the server in a child process, so the load generator does not share its event loop.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { processCpu, TICKS_PER_SECOND } from "./proc-stat.js";

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
      const cpu = child.pid === undefined ? null : processCpu(child.pid);
      return cpu === null ? null : cpu.ticks / TICKS_PER_SECOND;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
