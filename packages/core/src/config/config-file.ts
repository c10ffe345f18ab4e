// Finds and reads parley.config.yaml / .yml / .json (or the file PARLEY_CONFIG names).
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../errors/index.js";

export const CONFIG_FILE_NAMES = ["parley.config.yaml", "parley.config.yml", "parley.config.json"] as const;

export interface ConfigFile {
  path: string;
  /** The name used in problem lines ("parley.config.yaml talk.rate: ..."). */
  label: string;
  data: Record<string, unknown>;
}

export function readConfigFile(explicitPath: string | undefined, cwd: string): ConfigFile | undefined {
  const path = explicitPath
    ? resolve(cwd, explicitPath)
    : CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
  if (!path) return undefined;
  const label = basename(path);
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "file not readable";
    throw new ConfigError(`PARLEY_CONFIG: ${reason}: ${path}`);
  }
  let data: unknown;
  try {
    data = path.endsWith(".json") ? JSON.parse(source) : parseYaml(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`${label}: not valid ${path.endsWith(".json") ? "JSON" : "YAML"}: ${detail}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError(
      `${label}: must hold a mapping of settings (e.g. "talk:" / "http:"), not a list or a value`,
    );
  }
  return { path, label, data: data as Record<string, unknown> };
}
