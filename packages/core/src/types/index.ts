export type * from "./backend.js";
export type * from "./channel.js";
export type * from "./channel-factory.js";
export type * from "./inbound.js";
export type * from "./interlocutor.js";
export type * from "./logger.js";
export type * from "./reply.js";
