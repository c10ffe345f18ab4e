import { readFileSync } from "node:fs";

// Read at run time so the version printed is the one the package was built from.
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
