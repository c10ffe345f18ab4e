// `pnpm bench`: talk over loopback HTTP with 100 concurrent clients, on the demo bot and on shared
// alice2, each on a fresh server, against GET /healthz on that server as the HTTP baseline. Two
// runs per bot:
// - at the target rate: 100 clients together send 3,000 requests/s on a fixed schedule for 30 s,
//   which gives the latency a user sees at that load;
// - saturated: each client sends its next request as soon as the previous answer arrives, which
//   gives the most requests/s (with 100 always in flight, latency there is 100 / throughput).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { alice2Inputs, alice2Uploads } from "./alice2.js";
import { type HostActivity, HostActivityMonitor } from "./host-activity.js";
import { type LoadFigures, runGetLoad, runTalkLoad, type TalkLoad } from "./load.js";
import { pacedTalk, runPacedLoad, withPacedPool } from "./paced-load.js";
import { type ServerProcess, spawnServer } from "./server-process.js";

const APP_ID = "bench";
const USER_KEY = "bench-user-key-0123456789abcdef";
const CONNECTIONS = 100;
const SECONDS = Number(process.env.PARLEY_BENCH_SECONDS ?? 10);
/** The run at the target rate is longer: its p99 is the target, and 90,000 requests pin it down. */
const PACED_SECONDS = Number(process.env.PARLEY_BENCH_PACED_SECONDS ?? 3 * SECONDS);
const TARGET_RPS = 3000;
const TARGET_P99_MS = 25;
/** A run is noted as disturbed when other processes used this much CPU in one of its seconds. */
const OTHER_CPU_NOTE_SECONDS = 0.3;
/** A run is noted as near saturation when the server's HTTP thread was busy this share of it. */
const HTTP_THREAD_NOTE_SHARE = 0.7;

const DEMO_INPUTS = [
  "hello",
  "my name is Sam",
  "what is my name",
  "menu",
  "card",
  "ask me something",
  "yes",
  "green",
  "let us talk about cooking",
  "what should I cook",
  "change the subject",
  "I like teal",
  "carousel",
  "I pick the coast",
  "where am I going",
];

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

const rows: Row[] = [];
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const add = (name: string, value: number, unit: string, baseline: number | null = null) =>
  rows.push({
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline, 3) : null,
  });

type Measured = LoadFigures & { cpuUsPerRequest: number | null; host: HostActivity | null };

/**
 * Runs a load and adds the server's CPU time per request (steadier than req/s on a shared machine),
 * and what the server's HTTP thread and the machine's other processes did meanwhile.
 */
async function measured(server: ServerProcess, run: () => Promise<LoadFigures>): Promise<Measured> {
  const before = server.cpuSeconds();
  const monitor = server.child.pid === undefined ? null : HostActivityMonitor.start(server.child.pid);
  const figures = await run();
  const host = monitor?.stop() ?? null;
  const after = server.cpuSeconds();
  const cpu = before === null || after === null || figures.total === 0 ? null : after - before;
  return { ...figures, cpuUsPerRequest: cpu === null ? null : (cpu * 1e6) / figures.total, host };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

function hostLine(host: HostActivity): string {
  const peak = host.otherPeak
    ? `, at most ${round(host.otherPeak.cpuSeconds, 2)} in one second (most of it ${host.otherPeak.busiest})`
    : "";
  return (
    `server HTTP thread busy ${percent(host.httpThreadBusy)} of the run and waiting for a core ` +
    `${percent(host.httpThreadWaiting)}; other processes on this machine used ` +
    `${round(host.otherCpuSeconds, 2)} CPU-s${peak}`
  );
}

function report(label: string, saturated: Measured, paced: Measured, baseline: Baseline): void {
  add(
    `${label}: talk requests/s, saturated (${CONNECTIONS} clients)`,
    saturated.requestsPerSecond,
    "req/s",
    baseline.saturated.requestsPerSecond,
  );
  add(`${label}: talk latency p50, saturated`, saturated.p50Ms, "ms");
  add(`${label}: talk latency p99, saturated`, saturated.p99Ms, "ms");
  add(`${label}: talk requests/s served at ${TARGET_RPS} req/s offered`, paced.requestsPerSecond, "req/s");
  add(`${label}: talk latency p50 at ${TARGET_RPS} req/s`, paced.p50Ms, "ms", baseline.paced.p50Ms);
  add(`${label}: talk latency p99 at ${TARGET_RPS} req/s`, paced.p99Ms, "ms", baseline.paced.p99Ms);
  if (saturated.cpuUsPerRequest !== null) {
    add(`${label}: server CPU per talk request (all threads)`, saturated.cpuUsPerRequest, "µs");
  }
  if (paced.host) {
    add(`${label}: server HTTP thread busy at ${TARGET_RPS} req/s`, paced.host.httpThreadBusy * 100, "%");
    add(
      `${label}: server HTTP thread waiting for a core at ${TARGET_RPS} req/s`,
      paced.host.httpThreadWaiting * 100,
      "%",
    );
    add(
      `${label}: CPU used by other processes during the run at ${TARGET_RPS} req/s`,
      paced.host.otherCpuSeconds,
      "s",
    );
    add(
      `${label}: CPU used by other processes in the busiest second of that run`,
      paced.host.otherPeak?.cpuSeconds ?? 0,
      "s",
    );
  }
  const line = (run: string, f: Measured) => {
    console.log(
      `${label}, ${run}: ${round(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ` +
        `server CPU ${f.cpuUsPerRequest === null ? "n/a" : round(f.cpuUsPerRequest, 0)} µs/request, ` +
        `${f.total} requests, non-2xx ${f.non2xx}, errors ${f.errors}`,
    );
    if (f.host) console.log(`  ${hostLine(f.host)}`);
  };
  line("saturated", saturated);
  line(`${TARGET_RPS} req/s offered`, paced);
  const served = paced.requestsPerSecond >= TARGET_RPS * 0.98 && saturated.requestsPerSecond >= TARGET_RPS;
  const verdict = served && paced.p99Ms < TARGET_P99_MS ? "meets" : "misses";
  console.log(`  ${label} ${verdict} the target: ${TARGET_RPS} req/s with p99 < ${TARGET_P99_MS} ms`);
  const host = paced.host;
  if (verdict === "misses" && host) {
    // Both thresholds are where misses began in runs of 2026-12-06 on a 2-core VM.
    if (host.otherPeak && host.otherPeak.cpuSeconds >= OTHER_CPU_NOTE_SECONDS) {
      console.log(
        `  note: other processes on this machine took ${round(host.otherPeak.cpuSeconds, 2)} CPU-s ` +
          `in one second of the run at ${TARGET_RPS} req/s (most of it ${host.otherPeak.busiest})`,
      );
    }
    if (host.httpThreadBusy >= HTTP_THREAD_NOTE_SHARE) {
      console.log(
        `  note: the server's HTTP thread was busy ${percent(host.httpThreadBusy)} of the run at ${TARGET_RPS} req/s; ` +
          "that near saturation, requests queue behind one another (a slower host or more work per request)",
      );
    }
  }
  // On a shared host the machine itself can miss it: say so rather than let the talk figure stand alone.
  if (baseline.paced.p99Ms >= TARGET_P99_MS) {
    console.log(
      `  note: GET /healthz alone had p99 ${baseline.paced.p99Ms} ms at ${TARGET_RPS} req/s in this run: ` +
        "the host was too busy for the latency target to mean much",
    );
  }
  for (const f of [saturated, paced]) {
    if (f.non2xx > 0 || f.errors > 0) console.log(`  WARNING: ${label} had failed requests`);
  }
}

/**
 * After a short warm-up, the run at the target rate, then the saturated one: a server that has just
 * been flooded for ten seconds (over a thousand new clients, a full state cache, a grown heap) is
 * not the steady state at 3,000 req/s that the paced run is meant to show. The measured run goes on
 * with the warm-up's 100 conversations: 100 clients all saying their first words in the same
 * instant is part of warming up, not of the steady state (in twelve runs with new clients, the
 * first 5 s had a p99 of 13-64 ms, the later 5 s windows mostly 10-24 ms). For the same reason it
 * goes on over the warm-up's connections.
 */
async function measureBot(server: ServerProcess, load: TalkLoad, label: string, baseline: Baseline) {
  await runTalkLoad({ ...load, seconds: 1 });
  const clients = `paced${Date.now().toString(36)}`;
  const paced = await withPacedPool(load.url, load.connections, async (pool) => {
    await runPacedLoad(pacedTalk({ ...load, rate: TARGET_RPS, seconds: 3, clients }), pool);
    return measured(server, () =>
      runPacedLoad(pacedTalk({ ...load, rate: TARGET_RPS, seconds: PACED_SECONDS, clients }), pool),
    );
  });
  const saturated = await measured(server, () => runTalkLoad(load));
  report(label, saturated, paced, baseline);
}

async function upload(url: string, botname: string, files: Array<{ path: string; body: Buffer }>) {
  const q = `?user_key=${USER_KEY}`;
  await fetch(`${url}/bot/${APP_ID}/${botname}${q}`, { method: "PUT" });
  for (const file of files) {
    const response = await fetch(`${url}/bot/${APP_ID}/${botname}/${file.path}${q}`, {
      method: "PUT",
      body: new Uint8Array(file.body),
    });
    if (!response.ok) throw new Error(`upload ${file.path}: ${response.status} ${await response.text()}`);
  }
  const started = performance.now();
  const verify = await fetch(`${url}/bot/${APP_ID}/${botname}/verify${q}`);
  const ms = performance.now() - started;
  return { ok: verify.ok, ms, detail: verify.ok ? "" : (await verify.text()).slice(0, 500) };
}

type Baseline = { saturated: LoadFigures; paced: LoadFigures };

/** GET /healthz on the bot's own server, just before its talk runs: the same machine, the same minute. */
async function measureBaseline(server: ServerProcess, label: string): Promise<Baseline> {
  await runGetLoad(`${server.url}/healthz`, CONNECTIONS, 1); // warm-up
  const saturated = await runGetLoad(`${server.url}/healthz`, CONNECTIONS, Math.min(SECONDS, 5));
  const paced = await withPacedPool(server.url, CONNECTIONS, async (pool) => {
    const pacedHealth = (seconds: number) =>
      runPacedLoad(
        {
          url: server.url,
          rate: TARGET_RPS,
          seconds,
          connections: CONNECTIONS,
          request: () => ({ method: "GET", path: "/healthz" }),
        },
        pool,
      );
    await pacedHealth(2); // warm-up: the load generator's own HTTP client is cold at first
    return pacedHealth(Math.min(SECONDS, 5));
  });
  add(`${label}: GET /healthz requests/s (HTTP baseline)`, saturated.requestsPerSecond, "req/s");
  add(`${label}: GET /healthz latency p99 at ${TARGET_RPS} req/s (HTTP baseline)`, paced.p99Ms, "ms");
  console.log(
    `${label}, baseline GET /healthz: ${round(saturated.requestsPerSecond)} req/s saturated; ` +
      `at ${TARGET_RPS} req/s p50 ${paced.p50Ms} ms, p99 ${paced.p99Ms} ms`,
  );
  return { saturated, paced };
}

/**
 * Each bot on a server of its own with an empty data dir, so one bot's figures do not carry the
 * clients, heap and WAL the other bot's runs left behind.
 */
async function benchBot(
  label: string,
  botname: string,
  inputs: string[],
  prepare?: (server: ServerProcess) => Promise<boolean>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const server = await spawnServer({
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SERVER_APP_ID: APP_ID,
    PARLEY_SERVER_USER_KEY: USER_KEY,
  });
  let ran = false;
  try {
    if (prepare && !(await prepare(server))) return;
    const baseline = await measureBaseline(server, label);
    const load = {
      url: server.url,
      appId: APP_ID,
      userKey: USER_KEY,
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
    await measureBot(server, { ...load, botname, inputs }, label, baseline);
    ran = true;
  } finally {
    await server.stop();
    // Every talk call stored the client's predicates: count what is on disk after shutdown.
    if (ran) {
      const db = new Database(join(dataDir, "parley-server.sqlite"), { readonly: true });
      const stored = db.prepare("SELECT count(*) AS n FROM client_states").get() as { n: number };
      const turns = db.prepare("SELECT count(*) AS n FROM conversation_log").get() as { n: number };
      db.close();
      add(`${label}: client states persisted in SQLite`, stored.n, "clients");
      add(`${label}: conversation turns logged in SQLite`, turns.n, "turns");
      console.log(`  ${label}: persisted ${stored.n} client states, ${turns.n} logged turns`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `${CONNECTIONS} connections, ${PACED_SECONDS} s at ${TARGET_RPS} req/s, ${SECONDS} s saturated, a fresh server per bot`,
  );
  await benchBot("demo bot", "parley", DEMO_INPUTS);

  const alice2 = alice2Uploads();
  if (!alice2) {
    console.log(
      "alice2 not found (expected ../shared/aiml-conformance/bots/alice2 beside the repo): skipped",
    );
  } else {
    await benchBot("alice2", "alice2", alice2Inputs(), async (server) => {
      const compiled = await upload(server.url, "alice2", alice2);
      if (!compiled.ok) {
        console.log(`alice2 did not compile on this interpreter, skipped: ${compiled.detail}`);
        return false;
      }
      add("alice2: verify (compile) over HTTP", compiled.ms, "ms");
      return true;
    });
  }

  const out = fileURLToPath(new URL("../../bench-results.json", import.meta.url));
  writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

await main();
