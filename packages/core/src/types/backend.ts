// The talk API seen from the gateway: Pandorabots, Clustaar, or any compatible server.
import type { Interlocutor } from "./interlocutor.js";

export interface TalkRequest {
  interlocutor: Interlocutor;
  input: string;
  /** Start a new session / discard the bot's short-term memory for this person. */
  reset?: boolean;
  signal?: AbortSignal;
}

export interface TalkResult {
  /** One entry per input sentence, raw (may hold rich-media markup). */
  responses: string[];
  /** Updates the backend wants stored on the interlocutor (client name from atalk, session id). */
  interlocutor?: Partial<Pick<Interlocutor, "clientName" | "sessionId">>;
}

export interface TalkBackend {
  readonly name: string;
  talk(req: TalkRequest): Promise<TalkResult>;
  /** Cheap liveness probe for /readyz. */
  ping?(signal?: AbortSignal): Promise<void>;
}
