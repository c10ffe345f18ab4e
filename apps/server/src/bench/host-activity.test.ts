import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HostActivityMonitor } from "./host-activity.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A /proc of our own: what each process reads as, written by the test. */
class FakeProc {
  readonly dir = mkdtempSync(join(tmpdir(), "parley-fake-proc-"));

  /** /proc/<pid>/stat with its name, CPU ticks (user 0 + system `ticks`) and start time. */
  process(pid: number, name: string, ticks: number, startedAt: number): void {
    const fields = Array.from({ length: 50 }, () => "0");
    fields[12] = String(ticks);
    fields[19] = String(startedAt);
    mkdirSync(join(this.dir, String(pid)), { recursive: true });
    writeFileSync(join(this.dir, String(pid), "stat"), `${pid} (${name}) ${fields.join(" ")}`);
  }

  /** /proc/<pid>/task/<pid>/schedstat: nanoseconds run and waited for a core. */
  thread(pid: number, runNs: number, waitNs: number): void {
    mkdirSync(join(this.dir, String(pid), "task", String(pid)), { recursive: true });
    writeFileSync(join(this.dir, String(pid), "task", String(pid), "schedstat"), `${runNs} ${waitNs} 0\n`);
  }

  gone(pid: number): void {
    rmSync(join(this.dir, String(pid)), { recursive: true, force: true });
  }
}

let fake: FakeProc | undefined;
const children: ChildProcess[] = [];

afterEach(() => {
  if (fake) rmSync(fake.dir, { recursive: true, force: true });
  fake = undefined;
  for (const child of children.splice(0)) child.kill();
});

describe("host activity during a run", () => {
  it("counts what other processes used during the run, new, renamed or reusing a pid, and names the busiest", async () => {
    fake = new FakeProc();
    const server = 42;
    fake.thread(server, 0, 0);
    fake.process(server, "node", 500, 1);
    fake.process(10, "kworker/0:1-events", 100, 5);
    fake.process(11, "old", 50, 6);
    // Sampled only at start and stop, so the whole run is one window.
    const monitor = HostActivityMonitor.start(server, { everyMs: 1e6, proc: fake.dir });
    expect(monitor).not.toBeNull();
    await sleep(200);
    fake.thread(server, 100e6, 50e6);
    fake.process(server, "node", 900, 1);
    // A kernel worker renames itself: only its 3 new ticks count, not its lifetime.
    fake.process(10, "kworker/0:1-mm_percpu_wq", 103, 5);
    // Pid 11 ended and a new process took the number: all its 4 ticks are new.
    fake.gone(11);
    fake.process(11, "new", 4, 950);
    fake.process(77, "beam.smp", 30, 900);
    const activity = monitor?.stop();

    expect(activity?.otherCpuSeconds).toBeCloseTo(0.37, 5);
    expect(activity?.otherPeak).toEqual({ cpuSeconds: 0.37, busiest: "beam.smp" });
    // The server's own CPU is not "other"; its thread ran 100 ms and waited 50 ms of a run of 200 ms or more.
    expect(activity?.seconds).toBeGreaterThanOrEqual(0.2);
    expect(activity?.httpThreadBusy).toBeCloseTo(0.1 / (activity?.seconds ?? 1), 5);
    expect(activity?.httpThreadWaiting).toBeCloseTo((activity?.httpThreadBusy ?? 0) / 2, 5);
  });

  it("is not available where there is no /proc to read", () => {
    expect(HostActivityMonitor.start(42, { proc: join(tmpdir(), "parley-no-such-proc") })).toBeNull();
  });

  it.skipIf(process.platform !== "linux")(
    "sees on the real /proc that a spinning server thread ran or waited for a core all run long",
    async () => {
      const spinner = spawn("sh", ["-c", "while :; do :; done"], { stdio: "ignore" });
      children.push(spinner);
      await sleep(200);
      const monitor = HostActivityMonitor.start(spinner.pid as number, { everyMs: 100 });
      await sleep(600);
      const activity = monitor?.stop();
      // Other load on the machine decides how the run splits between running and waiting, not the sum.
      expect(activity?.httpThreadBusy).toBeGreaterThan(0.1);
      expect((activity?.httpThreadBusy ?? 0) + (activity?.httpThreadWaiting ?? 0)).toBeGreaterThan(0.9);
    },
  );
});
