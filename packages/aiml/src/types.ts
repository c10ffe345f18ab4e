/** Public contract of @parley/aiml. Shape is stable: additive changes only. */

export interface BotSource {
  /** AIML files, name with extension (e.g. "greetings.aiml"). */
  aiml: Array<{ name: string; content: string }>;
  /** Pandorabots .set JSON, by set name. */
  sets?: Record<string, string[][]>;
  /** Pandorabots .map JSON, by map name. */
  maps?: Record<string, Array<[string, string]>>;
  /** normal, denormal, person, person2, gender. */
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

export interface CompileOptions {
  /** Predicate names treated as pronouns: `<set name="it">` then outputs the name, not the value. */
  pronouns?: string[];
  /** Nested srai depth above which "Too much recursion in AIML" is answered (Program AB: 765). */
  maxSraiDepth?: number;
  /** Total srai per sentence above which recursion is reported (Program AB: 2048). */
  maxSraiTotal?: number;
  /** Iterations of a `<condition>` with `<loop/>` before giving up (Program AB: 100). */
  maxLoops?: number;
  /** Answer when nothing matches (Program AB: "I have no answer for that."). */
  defaultResponse?: string;
  /**
   * Recent matches against the bot's graph are remembered by path (a response walks it about 15 times,
   * and srai texts repeat across inputs): this many per generation, two generations. 0 turns it off.
   */
  rememberedMatches?: number;
}

/** bot is null iff errors is non-empty. */
export interface CompileResult {
  bot: Bot | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** A category taught by `<learn>`/`<learnf>`; scoped to the client whose state holds it. */
export interface LearnedCategory {
  /** Normalized, upper-cased pattern words. */
  pattern: string;
  that: string;
  topic: string;
  /** Template as AIML XML (already `<eval>`-evaluated). */
  template: string;
  /** true for `<learnf>` (the host persists these through onLearnf). */
  persistent: boolean;
}

/**
 * Per-client conversation state: plain JSON, owned and persisted by the caller.
 * Learned categories live here (learn and learnf alike), so a host that persists the state persists them;
 * learnf additionally calls RespondOptions.onLearnf so the host may store them elsewhere and put them back
 * into `learned` of a new state.
 */
export interface ClientState {
  version: 1;
  predicates: Record<string, string>;
  /** Input sentences, most recent last (capped). */
  inputs: string[];
  /** Whole requests, most recent last (capped). */
  requests: string[];
  /** Whole answers, most recent last (capped). */
  responses: string[];
  /** Sentences of each answer, most recent answer last (capped): the that-history. */
  thats: string[][];
  learned: LearnedCategory[];
  /** Program AB's contact book (`<addinfo>`, `<contactid>`...), used by ALICE2's phone-assistant categories. */
  contacts?: Contact[];
}

export interface Contact {
  id: string;
  displayName: string;
  phones: Record<string, string>;
  emails: Record<string, string>;
  birthday: string;
}

export interface SraixRequest {
  bot?: string;
  service?: string;
  input: string;
  default?: string;
}

export interface RespondOptions {
  /** Return the matched pattern/that/topic/file/template per sentence (talk API `extra`). */
  extra?: boolean;
  /** Return every srai level (talk API `trace`). */
  trace?: boolean;
  /** Override that/topic for this request (talk API parameters). */
  that?: string;
  topic?: string;
  /** Randomness in [0, 1) for `<random>`; defaults to Math.random. */
  random?: () => number;
  /** Clock for `<date>`/`<interval>`; defaults to new Date(). */
  now?: () => Date;
  /** Only targets the host registers; undefined means unreachable (the `default` is used). */
  sraix?: (req: SraixRequest) => string | undefined;
  /** What `<id/>` answers (Program AB: "0"). */
  clientId?: string;
  /** Persistence hook for `<learnf>`. */
  onLearnf?: (category: LearnedCategory) => void;
  /** `<resetlearnf/>` removed this client's learnf categories from its state: forget the persisted ones too. */
  onResetLearnf?: () => void;
}

export interface MatchExtra {
  input: string;
  pattern: string;
  that: string;
  topic: string;
  filename: string;
  template: string;
}

export interface TraceEntry {
  status: string;
  level: number;
  input: string;
  matched: string;
  filename: string;
  template: string;
}

export interface RespondResult {
  /** One per input sentence. */
  responses: string[];
  state: ClientState;
  /** What this call changed in the state: `Bot.applyDelta` replays it onto the state as it was before. */
  delta: StateDelta;
  extra?: MatchExtra[];
  trace?: TraceEntry[];
}

/**
 * One respond() call's changes to a client state, as plain JSON, a few hundred bytes where the whole
 * state is kilobytes: a host can store a snapshot now and then and a delta per turn in between.
 */
export interface StateDelta {
  /** Predicates this call set: their values afterwards, or null for one it removed. */
  predicates?: Record<string, string | null>;
  /** Sentences this call added to the input history. */
  inputs: string[];
  /** The request, as added to the request history. */
  request: string;
  /** The answer, as added to the response history. */
  response: string;
  /** The answer's sentences: this call's entry of the that-history. */
  that: string[];
  /** Categories learned by this call, appended to `learned`. */
  learned?: LearnedCategory[];
  /** The whole learned list, when this call also removed some (`<resetlearn/>`, `<resetlearnf/>`). */
  learnedReplaced?: LearnedCategory[];
  /** Contacts this call added (`<addinfo>`). */
  contacts?: Contact[];
}

export interface Bot {
  /** Number of categories (including the built-in PROGRAM VERSION). */
  readonly size: number;
  /** A fresh conversation with pdefaults applied. */
  newClientState(): ClientState;
  /** Synchronous; may mutate and return the same state object. */
  respond(state: ClientState, input: string, options?: RespondOptions): RespondResult;
  /**
   * Replays a respond() call's delta onto the state that call started from, giving the state it left
   * (deep-equal, JSON-identical). Mutates and returns the given state.
   */
  applyDelta(state: ClientState, delta: StateDelta): ClientState;
}
