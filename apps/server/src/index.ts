export type { PlanLimits, ServerOptions } from "./config/options.js";
export { DEFAULT_APP_ID, DEFAULT_PORT, serverOptionsFromEnv } from "./config/options.js";
export { DEMO_BOT_DIR, DEMO_BOT_NAME, type DemoBotResult } from "./demo/demo-bot.js";
export type { AimlEngine, BotSource, Diagnostic } from "./engine/contract.js";
export * from "./http/errors.js";
export { createServer, type ParleyServer, type RunningServer, startServer } from "./server.js";
