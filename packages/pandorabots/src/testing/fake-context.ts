// What the fake's route modules share: its state, its settings and request bookkeeping.
import type { FastifyRequest } from "fastify";
import type { FakeState, TalkContext } from "./fake-state.js";

/** Per-request notes the recorder adds to the call log. */
export interface Seen {
  endpoint: string;
  clientName?: string;
  sessionid?: number;
}

export interface FakeContext {
  state: FakeState;
  appId: string;
  userKey: string;
  botkeys: Record<string, string>;
  respond: (ctx: TalkContext) => string | Promise<string>;
  latency: number | (() => number) | undefined;
  rateLimit(): { max: number; windowMs: number } | undefined;
  /** Names the endpoint a request hit, for the call log. */
  mark(req: FastifyRequest, endpoint: string): Seen;
  /** 401 unless the path's app id and the user_key are the fake's. */
  requireApp(req: FastifyRequest, app: string): void;
}
