import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_VARIABLES } from "@parley/core";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every variable the code reads: `env.NAME`, `env["NAME"]`, and `fromEnv(env, "NAME")` helpers. */
function variablesRead(): Set<string> {
  const found = new Set<string>(CONFIG_VARIABLES.map((v) => v.name));
  const pattern = /env(?:\.|\[")([A-Z][A-Z0-9_]{2,})|env, "([A-Z][A-Z0-9_]{2,})"/g;
  for (const group of ["apps", "packages"]) {
    for (const pkg of readdirSync(join(root, group))) {
      const src = join(root, group, pkg, "src");
      if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sources(src)) {
        for (const m of readFileSync(file, "utf8").matchAll(pattern)) found.add((m[1] ?? m[2]) as string);
      }
    }
  }
  for (const os of ["HOME", "PATH"]) found.delete(os);
  return found;
}

describe("the README, the front door", () => {
  it("documents every environment variable the code reads", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const read = [...variablesRead()];
    expect(read.length).toBeGreaterThan(30);
    expect(read.filter((name) => !new RegExp(`\`${name}[\`=]`).test(readme))).toEqual([]);
  });
});
