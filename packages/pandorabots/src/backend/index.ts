export {
  createPandorabotsBackend,
  PandorabotsBackend,
  type PandorabotsBackendOptions,
} from "./pandorabots-backend.js";
export { splitInput } from "./split-input.js";
export { toTalkError } from "./to-talk-error.js";
