export { CONFIG_FILE_NAMES } from "./config-file.js";
export { configSecrets, SECRET_SETTING_NAME } from "./config-secrets.js";
export { type LoadConfigOptions, loadConfig } from "./load-config.js";
export { configSchema, type ParleyConfig } from "./schema.js";
export type { Rate as ConfigRate } from "./setting-types.js";
export { CONFIG_FILE_VARIABLE, CONFIG_VARIABLES, type ConfigVariable } from "./variables.js";
