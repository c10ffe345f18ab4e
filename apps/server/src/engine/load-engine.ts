// Loads the real interpreter. Imported dynamically so the server still builds while @parley/aiml
// is incomplete; a missing compileBot fails at start with a clear message.
import type { AimlEngine } from "./contract.js";

export class EngineUnavailableError extends Error {
  readonly code = "ENGINE_UNAVAILABLE";
  constructor() {
    super("@parley/aiml does not export compileBot yet: build packages/aiml or pass options.engine");
  }
}

export async function loadAimlEngine(): Promise<AimlEngine> {
  const module = (await import("@parley/aiml")) as Record<string, unknown>;
  if (typeof module.compileBot !== "function") throw new EngineUnavailableError();
  return { compileBot: module.compileBot as AimlEngine["compileBot"] };
}
