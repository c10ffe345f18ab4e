import type { ParleyConfig } from "./schema.js";

/** Channel settings whose values are credentials, by the shape of their names. */
export const SECRET_SETTING_NAME = /(TOKEN|SECRET|PASSWORD|_KEY)$/;

/** The secret values in a config, for `createLogger({ secrets })` and `redactSecrets`. */
export function configSecrets(config: ParleyConfig): string[] {
  const channelSecrets = Object.entries(config.channels)
    .filter(([name]) => SECRET_SETTING_NAME.test(name))
    .map(([, value]) => value);
  return [config.pandorabots.userKey, config.pandorabots.botkey, ...channelSecrets].filter((v): v is string =>
    Boolean(v),
  );
}
