#!/usr/bin/env node
// `pnpm bench`: builds, runs every package's benchmark (each writes <pkg>/bench-results.json),
// then gathers them into bench-results.json at the repository root and prints one table.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const filter = process.argv.slice(2);

// One package at a time: benchmarks measure one core and must not compete with each other.
const args = ["exec", "turbo", "run", "bench", "--concurrency=1", ...filter.map((f) => `--filter=${f}`)];
const r = spawnSync("pnpm", args, { cwd: root, env, stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

const results = [];
for (const group of ["packages", "apps"]) {
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, "bench-results.json");
    if (!existsSync(file)) continue;
    for (const row of JSON.parse(readFileSync(file, "utf8")))
      results.push({ package: `${group}/${name}`, ...row });
  }
}
writeFileSync(join(root, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v) =>
  v == null ? "-" : typeof v === "number" ? Number(v.toPrecision(4)).toLocaleString("en-US") : v;
console.log("\nBenchmark results (bench-results.json)\n");
console.table(
  results.map((x) => ({
    package: x.package,
    name: x.name,
    value: fmt(x.value),
    unit: x.unit,
    baseline: fmt(x.baseline),
    ratio: x.ratio == null ? "-" : `${fmt(x.ratio)}x`,
  })),
);
