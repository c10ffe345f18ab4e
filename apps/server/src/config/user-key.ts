// The app's user key: given, or generated once and kept (mode 600) in the data dir.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function resolveUserKey(
  dataDir: string,
  given: string | undefined,
): { userKey: string; generated: boolean } {
  if (given) return { userKey: given, generated: false };
  const file = join(dataDir, "user-key");
  if (existsSync(file)) return { userKey: readFileSync(file, "utf8").trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const userKey = randomBytes(24).toString("hex");
  writeFileSync(file, `${userKey}\n`, { mode: 0o600, flag: "wx" });
  return { userKey, generated: true };
}
