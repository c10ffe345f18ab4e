// What the HTTP thread and the SQLite writer thread say to each other.
import type { SerializedError } from "../turns/turn-messages.js";
import type { TurnRecord } from "./conversation-store.js";

export interface WriterData {
  /** The SQLite file the main thread opened (schema applied). */
  file: string;
  /** The CommitLock's buffer, shared with every other writing connection. */
  commitLock: SharedArrayBuffer;
}

/**
 * A batch of turns travels as the JSON text of a CommitBatch: postMessage copies one string far
 * faster than it clones the objects (structured clone cost the HTTP thread about 40 µs a turn).
 */
export type ToWriter = string | { type: "close" };

export interface CommitBatch {
  id: number;
  turns: TurnRecord[];
}

export type FromWriter =
  | { type: "ready" }
  | { type: "committed"; ids: number[] }
  | { type: "failed"; ids: number[]; error: SerializedError };
