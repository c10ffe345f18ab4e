// Reads the settings once at start: file, then env vars on top, validated by one schema; every problem
// is reported at once, one line each, naming the variable or file key.
import { isAbsolute, resolve } from "node:path";
import type { z } from "zod";
import { ConfigError } from "../errors/index.js";
import { readConfigFile } from "./config-file.js";
import { configSchema, type ParleyConfig } from "./schema.js";
import { CONFIG_VARIABLES } from "./variables.js";

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** Base for the config file search and for a relative data dir. */
  cwd?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): ParleyConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = readConfigFile(nonEmpty(env.PARLEY_CONFIG), cwd);
  const raw: Record<string, unknown> = structuredClone(file?.data ?? {});
  const fromEnv = new Set<string>();
  for (const variable of CONFIG_VARIABLES) {
    const value = nonEmpty(env[variable.name]);
    if (value === undefined) continue;
    setPath(raw, variable.key, value);
    fromEnv.add(variable.key);
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const where = (key: string) => {
      const variable = CONFIG_VARIABLES.find((v) => v.key === key);
      if (variable && (fromEnv.has(key) || !file)) return variable.name;
      return file ? `${file.label} ${key}` : key;
    };
    const lines = result.error.issues.map((issue) => describeIssue(issue, where, raw));
    throw new ConfigError([...new Set(lines)], {
      hint: "Fix the values above; `parley --help` lists every setting with its default.",
    });
  }
  const config: ParleyConfig = { ...result.data };
  if (!isAbsolute(config.dataDir)) config.dataDir = resolve(cwd, config.dataDir);
  if (file) config.configFile = file.path;
  return config;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  where: (key: string) => string,
  raw: Record<string, unknown>,
): string {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys
      .map((unknown) => `${where(key ? `${key}.${unknown}` : unknown)}: unknown setting`)
      .join("\n");
  }
  return `${where(key)}: ${issue.message}${echo(key, raw)}`;
}

/** Shows the rejected value, except for secrets and long text. */
function echo(key: string, raw: Record<string, unknown>): string {
  if (CONFIG_VARIABLES.find((v) => v.key === key)?.secret) return "";
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], raw);
  if (value === undefined || (typeof value !== "string" && typeof value !== "number")) return "";
  const shown = JSON.stringify(String(value));
  return shown.length <= 40 ? ` (got ${shown})` : "";
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function setPath(target: Record<string, unknown>, dottedKey: string, value: unknown): void {
  const keys = dottedKey.split(".");
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}
