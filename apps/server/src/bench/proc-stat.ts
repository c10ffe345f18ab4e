// A process's CPU time and a thread's scheduling times, read from /proc (Linux only). `proc` is
// the directory to read, /proc unless a test gives its own.
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's CPU fields (USER_HZ, 100 on Linux). */
export const TICKS_PER_SECOND = 100;

/**
 * A process's name, CPU ticks (user + system, all its threads) and start time (ticks after boot),
 * or null once it has gone or off Linux. Kernel workers change their names as they work: the start
 * time tells one apart.
 */
export function processCpu(
  pid: number,
  proc = "/proc",
): { name: string; ticks: number; startedAt: string } | null {
  let stat: string;
  try {
    stat = readFileSync(`${proc}/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The name is in parentheses and may hold spaces; utime and stime are fields 14 and 15, starttime 22.
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  return {
    name: stat.slice(stat.indexOf("(") + 1, close),
    ticks: Number(fields[11]) + Number(fields[12]),
    startedAt: fields[19] ?? "",
  };
}

export interface ThreadClock {
  runNs: number;
  waitNs: number;
}

/** Time the process's main thread ran and waited for a core, from its schedstat (nanoseconds). */
export function threadClock(pid: number, proc = "/proc"): ThreadClock | null {
  try {
    const [run, wait] = readFileSync(`${proc}/${pid}/task/${pid}/schedstat`, "utf8").split(" ");
    return { runNs: Number(run), waitNs: Number(wait) };
  } catch {
    return null;
  }
}
