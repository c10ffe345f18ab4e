export type { InitFn, InterlocutorPatch } from "./init-patch.js";
export { keyString as interlocutorKeyString } from "./key.js";
export { MemoryInterlocutorStore } from "./memory-store.js";
export { migrations as interlocutorMigrations } from "./migrations.js";
export { SqliteInterlocutorStore, type SqliteStoreOptions } from "./sqlite-store.js";
