// What the HTTP thread and the SQLite writer thread say to each other.
import type { SerializedError } from "../turns/turn-messages.js";
import type { TurnRecord } from "./conversation-store.js";

export interface WriterData {
  /** The SQLite file the main thread opened (schema applied). */
  file: string;
  /** The CommitLock's buffer, shared with every other writing connection. */
  commitLock: SharedArrayBuffer;
}

export type ToWriter = { type: "commit"; id: number; turns: TurnRecord[] } | { type: "close" };

export type FromWriter =
  | { type: "ready" }
  | { type: "committed"; ids: number[] }
  | { type: "failed"; ids: number[]; error: SerializedError };
