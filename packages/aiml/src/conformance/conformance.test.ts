import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { conformanceDir, repoRoot } from "../testing/bot-files.js";
import { writeReport } from "./report.js";
import { runAlice2, runCaseSuite, runFreeAiml, type SuiteResult } from "./run-suites.js";

/** Every suite must reach this share of identical steps (after collapsing whitespace). */
const FLOOR = 0.97;

const dir = conformanceDir();
const results: SuiteResult[] = [];

describe("AIML conformance against Program AB answers", () => {
  it("finds the conformance data at ../shared/aiml-conformance", () => {
    expect(existsSync(join(dir, "README.md")), `conformance data missing: expected it at ${dir}`).toBe(true);
  });

  const suites: Array<[string, () => SuiteResult]> = [
    ["conventions", () => runCaseSuite("conventions", join(dir, "conventions"))],
    ["programy", () => runCaseSuite("programy", join(dir, "programy"))],
    ["freeaiml", () => runFreeAiml(join(dir, "bots/freeaiml"))],
    ["alice2", () => runAlice2(join(dir, "bots/alice2"))],
  ];
  for (const [name, run] of suites) {
    it(`answers at least ${FLOOR * 100}% of the ${name} steps like Program AB`, () => {
      const r = run();
      results.push(r);
      const rate = r.passed / r.checked;
      console.log(
        `conformance ${name}: ${r.passed}/${r.checked} steps identical (${(rate * 100).toFixed(1)}%)`,
      );
      expect(r.checked).toBeGreaterThan(0);
      expect(rate).toBeGreaterThanOrEqual(FLOOR);
    });
  }

  afterAll(() => {
    if (results.length === 4) {
      writeFileSync(join(repoRoot(), "packages/aiml/conformance-report.md"), writeReport(results));
    }
  });
});
