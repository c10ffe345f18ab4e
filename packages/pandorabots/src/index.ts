export * from "./backend/index.js";
export * from "./client/index.js";
