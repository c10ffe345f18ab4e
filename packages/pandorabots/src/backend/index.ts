export { type FromConfigOptions, type PandorabotsSettings, pandorabotsFromConfig } from "./from-config.js";
export {
  createPandorabotsBackend,
  PandorabotsBackend,
  type PandorabotsBackendOptions,
} from "./pandorabots-backend.js";
export { splitInput } from "./split-input.js";
export { toTalkError } from "./to-talk-error.js";
