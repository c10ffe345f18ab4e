// `pnpm --filter @parley/core bench`: the gateway's own cost per message, against calling the
// backend directly. Writes packages/core/bench-results.json.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runGatewayBench } from "./gateway-bench.js";
import { round } from "./stats.js";

const MESSAGES = 20_000;
const USERS = 1_000;

const f = await runGatewayBench(MESSAGES, USERS);
const addedP50 = f.pipelineP50Ms - f.directP50Ms;
const addedP99 = f.pipelineP99Ms - f.directP99Ms;

const results = [
  {
    name: `gateway throughput (${MESSAGES} msgs, ${USERS} users, SQLite store, real queue)`,
    value: round(f.pipelinePerSec),
    unit: "msg/s",
    baseline: round(f.directPerSec),
    ratio: round(f.pipelinePerSec / f.directPerSec),
  },
  {
    name: `gateway throughput per CPU-second, one core (${MESSAGES} msgs, ${USERS} users)`,
    value: round(f.pipelinePerCpuSec),
    unit: "msg/s",
    baseline: round(f.directPerCpuSec),
    ratio: round(f.pipelinePerCpuSec / f.directPerCpuSec),
  },
  {
    name: "gateway added latency p50 (pipeline minus direct backend call)",
    value: round(addedP50),
    unit: "ms",
    baseline: round(f.directP50Ms),
    ratio: null,
  },
  {
    name: "gateway added latency p99 (pipeline minus direct backend call)",
    value: round(addedP99),
    unit: "ms",
    baseline: round(f.directP99Ms),
    ratio: null,
  },
];

const target = (ok: boolean) => (ok ? "met" : "MISSED");
const load = loadavg()[0]?.toFixed(1);
console.log(`gateway bench: ${MESSAGES} messages from ${USERS} users, one process (load average ${load})`);
console.log(
  `  wall clock: pipeline ${Math.round(f.pipelinePerSec)} msg/s, direct ${Math.round(f.directPerSec)} msg/s, ratio ${round(f.pipelinePerSec / f.directPerSec, 3)}`,
);
console.log(
  `  per CPU-second (one core): pipeline ${Math.round(f.pipelinePerCpuSec)} msg/s, direct ${Math.round(f.directPerCpuSec)} msg/s (target >= 20000 msg/s: ${target(f.pipelinePerCpuSec >= 20_000)}; wall clock: ${target(f.pipelinePerSec >= 20_000)})`,
);
console.log(
  `  latency pipeline p50 ${round(f.pipelineP50Ms)} ms p99 ${round(f.pipelineP99Ms)} ms; direct p50 ${round(f.directP50Ms)} ms p99 ${round(f.directP99Ms)} ms`,
);
console.log(
  `  added latency p50 ${round(addedP50)} ms, p99 ${round(addedP99)} ms (target p99 < 1 ms: ${target(addedP99 < 1)})`,
);

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bench-results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`  wrote ${out}`);
