#!/usr/bin/env node
// One entry point for the README's two commands, so a fresh clone needs only Node.js and npm:
// it brings pnpm, points node-gyp at the local Node headers (better-sqlite3 builds from source
// offline), installs, builds, then starts Parley or runs every check.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "10.34.8";
const [task = "setup", ...rest] = process.argv.slice(2);

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };
// The headers of the Node that runs this script (/usr for Debian's node, the package root for a
// node installed from npm), so better-sqlite3 compiles for this exact runtime without a download.
const nodePrefix = dirname(dirname(process.execPath));
// (npm passes its own `nodedir` setting down to scripts; the running Node's headers win over it.)
if (existsSync(join(nodePrefix, "include", "node", "node.h"))) env.npm_config_nodedir = nodePrefix;
const toolsBin = join(root, ".tools", "node_modules", ".bin");
env.PATH = [toolsBin, join(root, "node_modules", ".bin"), env.PATH].join(delimiter);

function step(title) {
  process.stdout.write(`\n▶ ${title}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    process.stderr.write(`\n✖ ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

function ensurePnpm() {
  const probe = spawnSync("pnpm", ["--version"], { env, encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return;
  step(`installing pnpm ${PNPM_VERSION} into .tools/`);
  run("npm", [
    "install",
    "--prefix",
    join(root, ".tools"),
    "--no-save",
    "--no-package-lock",
    `pnpm@${PNPM_VERSION}`,
  ]);
}

function install() {
  ensurePnpm();
  step("installing dependencies (pnpm install)");
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  run("pnpm", ["install", ...frozen, "--reporter=append-only"]);
  step("building packages (turbo run build)");
  run("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"]);
}

// The web chat is tested in a real headless Chromium, from Debian's packages (no browser download).
function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  step("installing Debian's chromium for the browser tests (apt-get)");
  const apt = (args) =>
    spawnSync("apt-get", args, { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
  const ok = apt(["update", "-qq"]).status === 0 && apt(["install", "-y", "-qq", "chromium"]).status === 0;
  if (!ok || !existsSync("/usr/bin/chromium")) {
    process.stderr.write(
      "✖ /usr/bin/chromium is missing and could not be installed (apt-get install chromium)\n",
    );
    process.exit(1);
  }
}

const RESULTS_FILE = ".vitest-results.json";

function resultFiles() {
  return ["packages", "apps"].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(root, group, name, RESULTS_FILE)),
  );
}

/** One closing line for the whole monorepo: "tests: N passed, N failed, N skipped". */
function printTotals() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of resultFiles()) {
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    // A test file that failed to load has no test results of its own: count it once.
    failed += (r.testResults ?? []).filter(
      (t) => t.status === "failed" && !t.assertionResults?.length,
    ).length;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}

switch (task) {
  case "setup":
    install();
    break;
  case "start": {
    install();
    step("starting parley");
    const child = spawn(process.execPath, [join(root, "apps/cli/dist/main.js"), "start", ...rest], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
    child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
    break;
  }
  case "test":
    install();
    ensureChromium();
    step("lint (biome)");
    run("pnpm", ["exec", "biome", "check", "."]);
    step("typecheck");
    run("pnpm", ["exec", "turbo", "run", "typecheck", "--output-logs=errors-only"]);
    step("tests (vitest in every package)");
    for (const file of resultFiles()) rmSync(file, { force: true });
    {
      // Each package's vitest also writes a JSON report, summed below into one closing line.
      const report = ["--", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS_FILE}`];
      const r = spawnSync("pnpm", ["exec", "turbo", "run", "test", "--concurrency=1", ...rest, ...report], {
        cwd: root,
        env,
        stdio: "inherit",
      });
      printTotals();
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
    break;
  default:
    process.stderr.write(`usage: node scripts/bootstrap.mjs setup|start|test\n`);
    process.exit(2);
}
