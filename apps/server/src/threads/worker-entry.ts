// Where a worker thread's code lives, which node flags it gets, and the error when it cannot start.
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * The build of `distPath` (relative to the package's dist/, e.g. "turns/turn-worker.js"). Under
 * vitest this package runs as TypeScript source, which a worker thread cannot load: the worker then
 * runs the package's build (the test task builds first), and must not inherit the export condition
 * that points the workspace packages at their sources.
 */
export function workerEntry(distPath: string): { url: URL; execArgv: string[] | undefined } {
  const execArgv: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i] as string;
    if ((arg === "--conditions" || arg === "-C") && process.execArgv[i + 1] === "@parley/source") i++;
    else if (arg !== "--conditions=@parley/source") execArgv.push(arg);
  }
  const url = import.meta.url.endsWith(".ts")
    ? new URL(`../../dist/${distPath}`, import.meta.url)
    : new URL(`../${distPath}`, import.meta.url);
  // Left unset, a worker inherits what applies to it; a list given explicitly must not hold
  // process-wide flags (--trace-gc, --max-old-space-size...), so one is only given when it must be.
  return { url, execArgv: execArgv.length === process.execArgv.length ? undefined : execArgv };
}

/** A worker thread running the build of `distPath`, with the flags workerEntry picks. */
export function workerWithEntry(distPath: string, options: Omit<WorkerOptions, "execArgv">): Worker {
  const { url, execArgv } = workerEntry(distPath);
  return new Worker(url, { ...options, execArgv });
}

/** What callers waiting on a replacement thread that failed to start are rejected with. */
export function restartFailed(thread: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`${thread} could not be restarted: ${reason}`);
}
