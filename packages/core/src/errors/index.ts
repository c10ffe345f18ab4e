export { ConfigError } from "./config-error.js";
export { isParleyError, ParleyError, type ParleyErrorOptions } from "./parley-error.js";
