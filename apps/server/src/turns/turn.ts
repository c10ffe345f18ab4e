// One talk turn as the HTTP side hands it to whoever runs the interpreter: plain data, so it can
// cross to a worker thread unchanged.
import type { ExtraItem, TraceItem } from "../engine/contract.js";
import type { VerifyOutcome } from "../runtime/bot-registry.js";

export interface TurnRequest {
  appId: string;
  botId: number;
  /** Unique per bot ever created, unlike a row id SQLite may reuse after a delete. */
  botkey: string;
  /** The compiled version that answers (checked by the caller: never "not compiled"). */
  versionId: number;
  /** Recompile the version before answering (talk's `reload`). */
  reload: boolean;
  /** "" is the application's own client (talk without client_name). */
  clientName: string;
  /** Issued by atalk: predicates survive idleness. */
  persistent: boolean;
  sessionId: number;
  input: string;
  that?: string;
  topic?: string;
  extra: boolean;
  trace: boolean;
  reset: boolean;
  /** The request's clock reading (ms since the epoch), so a worker needs no clock of its own. */
  now: number;
  sessionIdleMs: number;
}

export interface TurnResult {
  responses: string[];
  extra?: ExtraItem[];
  trace?: TraceItem[];
}

/** Runs turns with each client's turns in arrival order, every turn on disk before it resolves. */
export interface TurnRunner {
  run(turn: TurnRequest): Promise<TurnResult>;
  /**
   * Compiles the bot's current files where turns run (a worker's thread, off the HTTP one) and, if
   * they compile, stores them as the serving version.
   */
  verify(botId: number): Promise<VerifyOutcome>;
  /** A verify made this version the serving one: compile it ahead of the next talk. */
  preload(botId: number, versionId: number): void;
  /** The bot is gone: drop its compiled versions. */
  forget(botId: number): void;
  /** Compiles the given serving versions; resolves with how many loaded. */
  warm(versions: Array<{ botId: number; versionId: number }>): Promise<number>;
  /** Finishes accepted turns, then releases what the runner holds. */
  close(): Promise<void>;
}

/** The per-client key: turns with the same key run one at a time and share one cached state. */
export function clientKey(turn: Pick<TurnRequest, "botkey" | "clientName">): string {
  return `${turn.botkey}\u0000${turn.clientName}`;
}
