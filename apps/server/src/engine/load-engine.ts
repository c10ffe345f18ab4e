// The real interpreter behind the server's engine interface. Loaded on demand, so a server given
// another engine (the tests' fake) never loads @parley/aiml.
import type { AimlEngine } from "./contract.js";

export async function loadAimlEngine(): Promise<AimlEngine> {
  const { compileBot, compileBotInSlices } = await import("@parley/aiml");
  return {
    compileBot: (source) => compileBot(source),
    compileBotInSlices: (source) => compileBotInSlices(source),
  };
}
