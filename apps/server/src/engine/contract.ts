// The slice of the @parley/aiml API the server relies on. Kept structural so the server compiles
// and is testable while the interpreter is still being written; the real module satisfies it.

export interface BotSource {
  aiml: Array<{ name: string; content: string }>;
  sets?: Record<string, string[][]>;
  maps?: Record<string, Array<[string, string]>>;
  substitutions?: Record<string, Array<[string, string]>>;
  properties?: Array<[string, string]>;
  pdefaults?: Array<[string, string]>;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

/** Opaque, JSON-serializable per-client state owned by the interpreter. */
export type ClientState = unknown;

export interface ExtraItem {
  input: string;
  pattern: string;
  that: string;
  topic: string;
  filename: string;
  template: string;
}

export interface TraceItem {
  status: string;
  level: number;
  input: string;
  matched: string;
  filename: string;
  template: string;
}

export interface EngineRespondOptions {
  extra?: boolean;
  trace?: boolean;
  that?: string;
  topic?: string;
  now?: () => Date;
  sraix?: (req: { bot?: string; service?: string; input: string; default?: string }) => string | undefined;
  onLearnf?: (category: unknown) => void;
}

export interface EngineRespondResult {
  responses: string[];
  state: ClientState;
  extra?: ExtraItem[];
  trace?: TraceItem[];
}

export interface EngineBot {
  readonly size: number;
  newClientState(): ClientState;
  respond(state: ClientState, input: string, options?: EngineRespondOptions): EngineRespondResult;
}

export interface EngineCompileResult {
  bot: EngineBot | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** What the server needs from an AIML implementation. */
export interface AimlEngine {
  compileBot(source: BotSource): EngineCompileResult;
}
