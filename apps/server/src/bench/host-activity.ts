// What else ran on the machine during a load run, and how busy the server's HTTP thread was. On a
// 2-core VM shared with the load generator and the machine's own services, a missed latency target
// is explained by one of these more often than not: RabbitMQ, for one, starts a whole Erlang VM
// every 60 s (its epmd check), which takes most of a core for half a second. Linux only (/proc).
import { readdirSync } from "node:fs";
import { processCpu, type ThreadClock, TICKS_PER_SECOND, threadClock } from "./proc-stat.js";

export interface HostActivity {
  /** Seconds the run lasted. */
  seconds: number;
  /** Share of the run the server's main (HTTP) thread ran, 0-1. */
  httpThreadBusy: number;
  /** Share of the run that thread was ready to run but waited for a core, 0-1. */
  httpThreadWaiting: number;
  /** CPU seconds used by every process other than the server and this one. */
  otherCpuSeconds: number;
  /**
   * The most of those in any one second, and the process that used the most of it. The machine's
   * own daemons take a steady trickle; a burst is what delays replies.
   */
  otherPeak?: { cpuSeconds: number; busiest: string };
}

/** CPU ticks other processes used since the previous sample, by process name. */
type Sample = Map<string, number>;

/**
 * Samples /proc while a run goes on. Processes are read every `everyMs`: what one uses between its
 * last sample and its exit is missed (RabbitMQ's lasts about a second, so most of it is seen).
 */
export class HostActivityMonitor {
  /** CPU ticks per process at the last sample, keyed by pid and start time (pids are reused). */
  private readonly ticks = new Map<string, number>();
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  private readonly startClock: ThreadClock | null;

  private constructor(
    private readonly serverPid: number,
    private readonly everyMs: number,
    private readonly proc: string,
  ) {
    this.startClock = threadClock(serverPid, proc);
    this.sample(false);
    this.timer = setInterval(() => this.sample(true), everyMs);
  }

  /** null where /proc is not there to read (not Linux). */
  static start(
    serverPid: number,
    { everyMs = 250, proc = "/proc" }: { everyMs?: number; proc?: string } = {},
  ): HostActivityMonitor | null {
    return threadClock(serverPid, proc) === null ? null : new HostActivityMonitor(serverPid, everyMs, proc);
  }

  stop(): HostActivity {
    clearInterval(this.timer);
    this.sample(true);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const end = threadClock(this.serverPid, this.proc);
    const start = this.startClock;
    const share = (ns: number) => Math.min(1, ns / 1e9 / seconds);
    let otherTicks = 0;
    for (const sample of this.samples) for (const used of sample.values()) otherTicks += used;
    const peak = this.peakSecond();
    return {
      seconds,
      httpThreadBusy: start && end ? share(end.runNs - start.runNs) : 0,
      httpThreadWaiting: start && end ? share(end.waitNs - start.waitNs) : 0,
      otherCpuSeconds: otherTicks / TICKS_PER_SECOND,
      ...(peak ? { otherPeak: peak } : {}),
    };
  }

  /** The one-second window (whole samples) in which other processes used the most CPU. */
  private peakSecond(): HostActivity["otherPeak"] {
    const perWindow = Math.max(1, Math.round(1000 / this.everyMs));
    let best: HostActivity["otherPeak"];
    for (let first = 0; first < this.samples.length; first++) {
      const byName = new Map<string, number>();
      let total = 0;
      for (const sample of this.samples.slice(first, first + perWindow)) {
        for (const [name, used] of sample) {
          byName.set(name, (byName.get(name) ?? 0) + used);
          total += used;
        }
      }
      if (total === 0 || (best && total / TICKS_PER_SECOND <= best.cpuSeconds)) continue;
      const busiest = [...byName].reduce((a, b) => (b[1] > a[1] ? b : a));
      best = { cpuSeconds: total / TICKS_PER_SECOND, busiest: busiest[0] };
    }
    return best;
  }

  /** Reads every process's ticks; `record`: keep what each used since the last read. */
  private sample(record: boolean): void {
    const used = new Map<string, number>();
    for (const entry of readdirSync(this.proc)) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === this.serverPid || pid === process.pid) continue;
      const cpu = processCpu(pid, this.proc);
      if (!cpu) continue;
      const key = `${pid}:${cpu.startedAt}`;
      // A process not seen before started since the last read: all its ticks are new.
      const delta = cpu.ticks - (this.ticks.get(key) ?? 0);
      this.ticks.set(key, cpu.ticks);
      if (record && delta > 0) used.set(cpu.name, (used.get(cpu.name) ?? 0) + delta);
    }
    if (record) this.samples.push(used);
  }
}
