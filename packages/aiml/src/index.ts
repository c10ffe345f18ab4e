export { compileBot, compileBotInSlices } from "./compile/compile-bot.js";
export { InvalidClientStateError } from "./errors.js";
export type {
  Bot,
  BotSource,
  ClientState,
  CompileOptions,
  CompileResult,
  Contact,
  Diagnostic,
  LearnedCategory,
  MatchExtra,
  RespondOptions,
  RespondResult,
  SraixRequest,
  StateDelta,
  TraceEntry,
} from "./types.js";
