// What the server's main thread and its talk workers say to each other.
import { ApiError, type ApiErrorCode } from "../http/errors.js";
import type { TurnRequest } from "./turn.js";

export interface TurnWorkerData {
  /** The SQLite file the main thread opened (schema applied). */
  file: string;
  stateCacheSize: number;
  /** The CommitLock's buffer, shared by every talk worker. */
  commitLock: SharedArrayBuffer;
}

export type ToWorker =
  | { type: "run"; id: number; turn: TurnRequest }
  | { type: "warm"; id: number; versions: Array<{ botId: number; versionId: number }> }
  | { type: "verify"; id: number; botId: number }
  | { type: "preload"; botId: number; versionId: number }
  | { type: "forget"; botId: number }
  | { type: "close"; id: number };

export type FromWorker =
  | { type: "ready" }
  | { type: "done"; id: number; value: unknown }
  | { type: "failed"; id: number; error: SerializedError }
  | { type: "log"; level: "debug" | "info" | "warn" | "error"; obj: object; msg: string | undefined };

export interface SerializedError {
  message: string;
  /** Set for errors that map to an HTTP answer (412 for a version that no longer compiles...). */
  api?: { status: number; code: ApiErrorCode; details?: Record<string, unknown> };
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ApiError) {
    return {
      message: error.message,
      api: { status: error.status, code: error.code, details: error.details },
    };
  }
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.api) return new ApiError(error.api.status, error.api.code, error.message, error.api.details);
  const revived = new Error(`talk worker: ${error.message}`);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
