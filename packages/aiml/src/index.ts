export { compileBot } from "./compile/compile-bot.js";
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
  TraceEntry,
} from "./types.js";
