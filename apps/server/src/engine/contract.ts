// The slice of the @parley/aiml API the server relies on. The engine stays an interface so a host
// (or a test) can give the server another AIML implementation; the real module satisfies it.

// The data shapes are the interpreter's own (type-only: nothing is loaded at run time).
import type { BotSource, Diagnostic, MatchExtra as ExtraItem, TraceEntry as TraceItem } from "@parley/aiml";

export type { BotSource, Diagnostic, ExtraItem, TraceItem };

/** Opaque, JSON-serializable per-client state owned by the interpreter. */
export type ClientState = unknown;

export interface EngineRespondOptions {
  extra?: boolean;
  trace?: boolean;
  that?: string;
  topic?: string;
  now?: () => Date;
  sraix?: (req: { bot?: string; service?: string; input: string; default?: string }) => string | undefined;
  onLearnf?: (category: unknown) => void;
  onResetLearnf?: () => void;
}

export interface EngineRespondResult {
  responses: string[];
  state: ClientState;
  /** What the call changed (opaque JSON), for engines that can replay it with applyDelta. */
  delta?: unknown;
  extra?: ExtraItem[];
  trace?: TraceItem[];
}

export interface EngineBot {
  readonly size: number;
  newClientState(): ClientState;
  respond(state: ClientState, input: string, options?: EngineRespondOptions): EngineRespondResult;
  /**
   * Replays a respond() delta onto the state that call started from. With it the server stores a
   * small delta per turn and a whole state now and then; without it, the whole state every turn.
   */
  applyDelta?(state: ClientState, delta: unknown): ClientState;
}

export interface EngineCompileResult {
  bot: EngineBot | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** What the server needs from an AIML implementation. */
export interface AimlEngine {
  compileBot(source: BotSource): EngineCompileResult;
  /** The same compile, leaving the event loop free every few milliseconds (verify, reload). */
  compileBotInSlices?(source: BotSource): Promise<EngineCompileResult>;
}
