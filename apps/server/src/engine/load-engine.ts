// The real interpreter behind the server's engine interface.
import { compileBot } from "@parley/aiml";
import type { AimlEngine } from "./contract.js";

export function aimlEngine(): AimlEngine {
  return { compileBot: (source) => compileBot(source) };
}
