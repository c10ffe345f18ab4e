import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { HostActivityMonitor } from "./host-activity.js";

const children: ChildProcess[] = [];
const started = (command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: "ignore" });
  children.push(child);
  return child;
};
const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe.skipIf(process.platform !== "linux")("host activity during a run", () => {
  it("names a process that started during the run and took a core", async () => {
    const server = started(process.execPath, ["-e", "setTimeout(() => {}, 5000)"]);
    await sleep(100);
    const monitor = HostActivityMonitor.start(server.pid as number, 100);
    expect(monitor).not.toBeNull();
    const spinner = started("timeout", ["0.8", "sh", "-c", "while :; do :; done"]);
    await exited(spinner);
    const activity = monitor?.stop();
    expect(activity?.otherPeak?.busiest).toBe("sh");
    expect(activity?.otherPeak?.cpuSeconds).toBeGreaterThanOrEqual(0.3);
    expect(activity?.otherCpuSeconds).toBeGreaterThanOrEqual(activity?.otherPeak?.cpuSeconds ?? 1);
    // The server slept throughout: its thread neither ran nor waited.
    expect(activity?.httpThreadBusy).toBeLessThan(0.1);
  });

  it("tells how much of the run the server's main thread was busy", async () => {
    const server = started(process.execPath, [
      "-e",
      "setTimeout(() => { const t = Date.now(); while (Date.now() - t < 1500) {} }, 50)",
    ]);
    await sleep(200);
    const monitor = HostActivityMonitor.start(server.pid as number, 100);
    await sleep(800);
    const activity = monitor?.stop();
    expect(activity?.httpThreadBusy).toBeGreaterThan(0.6);
    expect(activity?.seconds).toBeGreaterThan(0.7);
  });
});
