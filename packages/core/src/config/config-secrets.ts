import type { ParleyConfig } from "./schema.js";

/** The secret values in a config, for `createLogger({ secrets })` and `redactSecrets`. */
export function configSecrets(config: ParleyConfig): string[] {
  return [config.pandorabots.userKey, config.pandorabots.botkey].filter((v): v is string => Boolean(v));
}
