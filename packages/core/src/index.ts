export * from "./config/index.js";
export * from "./errors/index.js";
export * from "./gateway/index.js";
export * from "./http/index.js";
export * from "./observability/index.js";
export * from "./queue/index.js";
export * from "./reply/index.js";
export * from "./store/index.js";
export type * from "./types/index.js";
