// Open-loop load at a fixed rate: request i is due at start + i / rate whatever happened to the
// earlier ones, and its latency runs from when it was due, so a stalled server cannot hide its
// queue (coordinated omission). autocannon's rate option is a per-second cap that sends each
// second's quota in a burst, which measures neither.
import * as hdr from "hdr-histogram-js";
import { Pool } from "undici";
import type { LoadFigures, TalkLoad } from "./load.js";

export interface PacedLoad {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  /** The i-th request: its method, path and body. */
  request(i: number): { method: "GET" | "POST"; path: string; body?: string };
}

/** The load generator's connections, to share between a warm-up run and the measured one. */
export function pacedPool(url: string, connections: number): Pool {
  return new Pool(url, { connections, pipelining: 1 });
}

/** Runs `use` on a pool of its own (a warm-up, then the measured run), closed afterwards. */
export async function withPacedPool<T>(
  url: string,
  connections: number,
  use: (pool: Pool) => Promise<T>,
): Promise<T> {
  const pool = pacedPool(url, connections);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/**
 * Runs `load` on `pool` if given, leaving its connections open, or on connections of its own. A
 * measured run on the warm-up's pool starts on warm connections, as in the steady state it is meant
 * to show: with 100 connections opened in its first instant, the first second of an alice2 run at
 * 3,000 req/s had a p99 of 38.6-74.8 ms in three runs, against 9.8-14.8 ms on the warm-up's.
 */
export async function runPacedLoad(load: PacedLoad, shared?: Pool): Promise<LoadFigures> {
  const pool = shared ?? pacedPool(load.url, load.connections);
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000 });
  const total = Math.round(load.rate * load.seconds);
  let non2xx = 0;
  let errors = 0;

  const formHeaders = { "content-type": "application/x-www-form-urlencoded" };
  let pending = 0;
  let drained: (() => void) | undefined;
  const finish = () => {
    pending--;
    if (pending === 0) drained?.();
  };
  // undici's dispatch with a handler, rather than request(): no promise and no body stream per
  // request, so the generator takes less of the two cores it shares with the server.
  const send = (i: number, due: number) => {
    const { method, path, body } = load.request(i);
    let status = 0;
    pending++;
    pool.dispatch(
      { method, path, body, headers: body === undefined ? undefined : formHeaders },
      {
        // undici treats a handler without onRequestStart as one of its older shape.
        onRequestStart: () => {},
        onResponseStart: (_controller, statusCode) => {
          status = statusCode;
        },
        onResponseEnd: () => {
          if (status < 200 || status >= 300) non2xx++;
          histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
          finish();
        },
        onResponseError: () => {
          errors++;
          finish();
        },
      },
    );
  };

  const start = performance.now();
  const interval = 1000 / load.rate;
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything already due goes out now; the latency clock of each started when it was due.
    while (next < total && start + next * interval <= now) {
      send(next, start + next * interval);
      next++;
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, start + next * interval - performance.now())),
    );
  }
  if (pending > 0) await new Promise<void>((resolve) => (drained = resolve));
  const elapsed = (performance.now() - start) / 1000;
  if (!shared) await pool.close();
  const figures: LoadFigures = {
    requestsPerSecond: (total - errors) / elapsed,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    non2xx,
    errors,
    total,
  };
  histogram.destroy();
  return figures;
}

/**
 * The talk conversation of load.ts, paced: request i speaks as client i mod connections. Two runs
 * given the same `clients` name continue the same conversations.
 */
export function pacedTalk(load: TalkLoad & { rate: number; clients?: string }): PacedLoad {
  const path = `/talk/${load.appId}/${load.botname}`;
  const run = load.clients ?? `paced${Date.now().toString(36)}`;
  return {
    url: load.url,
    rate: load.rate,
    seconds: load.seconds,
    connections: load.connections,
    request: (i) => {
      const client = i % load.connections;
      const turn = Math.floor(i / load.connections);
      return {
        method: "POST",
        path,
        body: new URLSearchParams({
          user_key: load.userKey,
          client_name: `${run}c${client}`,
          input: load.inputs[(turn + client) % load.inputs.length] ?? "hello",
        }).toString(),
      };
    },
  };
}
