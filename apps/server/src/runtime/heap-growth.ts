// Old-generation garbage collections set the talk latency tail. At 3,000 alice2 req/s each client's
// history and learned categories promote about 1.3 KB a request, and V8, seeing cheap collections,
// let the old generation grow only about 1.3x past its live size: a full collection every 3-6 s,
// each taking a core for its concurrent marking (70-90 ms) and the HTTP thread for 5-15 ms, enough
// to push hundreds of requests past 25 ms each time. Growing it up to 4x makes them several times
// rarer, for a larger heap (peak RSS 430-453 MB against 341-351 MB in the same bench).
import { setFlagsFromString } from "node:v8";

/** V8's heap growing factor becomes 1 + this / 100 (4, V8's own maximum). */
export const HEAP_GROWING_PERCENT = 300;

let applied = false;

/**
 * The flag to set, or undefined when node was started with its own growing percent (a V8 flag,
 * so only on node's command line: NODE_OPTIONS does not take it).
 */
export function heapGrowthFlag(execArgv: string[]): string | undefined {
  const own = execArgv.some((arg) => /heap[-_]growing[-_]percent/.test(arg));
  return own ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Sets V8's old-generation growing factor for this process, once, unless node was started with its
 * own `--heap-growing-percent`. V8 reads the flag each time it sets the next collection's
 * limit, so setting it at run time takes effect from the next collection.
 */
export function growHeapForLatency(): void {
  if (applied) return;
  applied = true;
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
