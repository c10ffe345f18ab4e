// The Pandorabots TalkBackend: a new person's first message goes through atalk (which creates the
// persistent client_name), every later one through talk with that name; sessions are kept per
// person and renewed after 30 idle minutes; long input is cut into several calls, and a retry of
// such input resumes at the piece that failed so the bot never hears a piece twice.
import type { TalkBackend, TalkRequest, TalkResult } from "@parley/core";
import { MAX_INPUT_LENGTH, type PandorabotsClient, PandorabotsValidationError } from "../client/index.js";
import { splitInput } from "./split-input.js";
import { toTalkError } from "./to-talk-error.js";

export interface PandorabotsBackendOptions {
  client: PandorabotsClient;
  /** The bot to talk to with app id + user key; omit when the client is configured with a botkey. */
  botname?: string;
  /** Name shown in logs and metrics. Default "pandorabots". */
  name?: string;
  /** Idle time after which a conversation starts a new session. Default 30 minutes (the service's). */
  sessionIdleMs?: number;
  /** Longest input of one call; longer input is split. Default 2000 (the service's limit). */
  maxInputLength?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
  /**
   * How many client names obtained by atalk but not yet seen back on the interlocutor are remembered,
   * so a retried message (e.g. after a 429 on its second piece) does not create a second client.
   */
  rememberClientNames?: number;
  /**
   * How long the pieces already answered of a split message that failed part-way are kept for its
   * retry. Default 10 minutes (longer than the talk queue's whole retry span).
   */
  resumeTtlMs?: number;
  /** How many such part-way messages (one per person at most) are kept; the oldest go first. Default 1000. */
  rememberUnfinished?: number;
}

const DEFAULT_IDLE_MS = 30 * 60_000;
const DEFAULT_RESUME_TTL_MS = 10 * 60_000;

/** A split message that failed part-way: what its retry needs to go on where it stopped. */
interface Progress {
  input: string;
  reset: boolean;
  /** Pieces the bot already answered. */
  done: number;
  responses: string[];
  clientName: string | null;
  sessionid: number | undefined;
  at: number;
}

export class PandorabotsBackend implements TalkBackend {
  readonly name: string;
  readonly #client: PandorabotsClient;
  readonly #botname: string | undefined;
  readonly #idleMs: number;
  readonly #maxInput: number;
  readonly #now: () => number;
  readonly #rememberMax: number;
  /** interlocutor id -> client name from atalk, until the interlocutor arrives carrying it. */
  readonly #learned = new Map<string, string>();
  /**
   * interlocutor id -> the split message that failed part-way. Keyed by person, not request: the
   * queue builds a new TalkRequest per attempt, but runs one person's messages one after another,
   * so the next call for that person is either this message's retry or proves it failed for good.
   */
  readonly #progress = new Map<string, Progress>();
  readonly #resumeTtlMs: number;
  readonly #unfinishedMax: number;

  constructor(options: PandorabotsBackendOptions) {
    this.#client = options.client;
    this.#botname = options.botname;
    this.name = options.name ?? "pandorabots";
    this.#idleMs = options.sessionIdleMs ?? DEFAULT_IDLE_MS;
    this.#maxInput = Math.min(options.maxInputLength ?? MAX_INPUT_LENGTH, MAX_INPUT_LENGTH);
    this.#now = options.now ?? Date.now;
    this.#rememberMax = options.rememberClientNames ?? 10_000;
    this.#resumeTtlMs = options.resumeTtlMs ?? DEFAULT_RESUME_TTL_MS;
    this.#unfinishedMax = options.rememberUnfinished ?? 1_000;
    if (this.#botname === undefined && !this.#client.hasBotkey) {
      throw new PandorabotsValidationError(
        "botname",
        "the Pandorabots backend needs a botname (with app id and user key) or a client with a botkey",
      );
    }
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    const { interlocutor, signal } = req;
    const pieces = splitInput(req.input, this.#maxInput).filter((p) => p.trim() !== "");
    const reset = req.reset === true;
    const resumed = this.#takeProgress(interlocutor.id, req.input, reset);
    if (pieces.length === 0) return { responses: [] };

    let clientName =
      interlocutor.clientName ?? resumed?.clientName ?? this.#learned.get(interlocutor.id) ?? null;
    if (interlocutor.clientName) this.#learned.delete(interlocutor.id);
    const idle = interlocutor.lastSeenAt === null || this.#now() - interlocutor.lastSeenAt >= this.#idleMs;
    let sessionid: number | undefined = resumed
      ? resumed.sessionid
      : reset || idle || interlocutor.sessionId === null
        ? undefined
        : toSessionId(interlocutor.sessionId);

    const responses: string[] = resumed ? [...resumed.responses] : [];
    try {
      for (let index = resumed?.done ?? 0; index < pieces.length; index++) {
        const common = { botname: this.#botname, input: pieces[index] as string, sessionid, signal };
        let res: Awaited<ReturnType<PandorabotsClient["talk"]>>;
        if (clientName === null) {
          res = await this.#client.atalk(common);
          if (res.clientName === undefined) {
            throw new PandorabotsValidationError("client_name", "atalk answered without a client_name");
          }
          clientName = res.clientName;
          this.#remember(interlocutor.id, clientName);
        } else {
          res = await this.#client.talk({
            ...common,
            client_name: clientName,
            ...(reset && index === 0 ? { reset: true } : {}),
          });
        }
        if (res.sessionId !== undefined) sessionid = res.sessionId;
        responses.push(...res.responses);
        if (index < pieces.length - 1) {
          this.#saveProgress(interlocutor.id, {
            input: req.input,
            reset,
            done: index + 1,
            responses: [...responses],
            clientName,
            sessionid,
            at: this.#now(),
          });
        }
      }
    } catch (err) {
      throw toTalkError(err);
    }
    this.#progress.delete(interlocutor.id);
    return {
      responses,
      interlocutor: {
        clientName,
        sessionId: sessionid === undefined ? null : String(sessionid),
      },
    };
  }

  /** Readiness: an authenticated call that costs no talk (list the bot's files), else a botkey talk. */
  async ping(signal?: AbortSignal): Promise<void> {
    try {
      if (this.#botname !== undefined && this.#client.hasAppCredentials) {
        await this.#client.listFiles(this.#botname, { signal });
      } else {
        // Without a user key the only authenticated call is a talk; no client_name, so no person's
        // predicates are touched.
        await this.#client.talk({ input: "ping", signal });
      }
    } catch (err) {
      throw toTalkError(err);
    }
  }

  /** The unfinished part of this very message, if its earlier attempt got part-way; drops any other. */
  #takeProgress(id: string, input: string, reset: boolean): Progress | undefined {
    const progress = this.#progress.get(id);
    if (progress === undefined) return undefined;
    const fresh = this.#now() - progress.at < this.#resumeTtlMs;
    if (fresh && progress.input === input && progress.reset === reset) return progress;
    this.#progress.delete(id);
    return undefined;
  }

  #saveProgress(id: string, progress: Progress): void {
    this.#progress.delete(id);
    this.#progress.set(id, progress);
    // Oldest first (re-inserted on every save): drop the expired, then the oldest beyond the bound.
    for (const [key, old] of this.#progress) {
      const expired = progress.at - old.at >= this.#resumeTtlMs;
      if (!expired && this.#progress.size <= this.#unfinishedMax) break;
      this.#progress.delete(key);
    }
  }

  #remember(id: string, clientName: string): void {
    this.#learned.delete(id);
    this.#learned.set(id, clientName);
    if (this.#learned.size > this.#rememberMax) {
      const oldest = this.#learned.keys().next().value;
      if (oldest !== undefined) this.#learned.delete(oldest);
    }
  }
}

export function createPandorabotsBackend(options: PandorabotsBackendOptions): PandorabotsBackend {
  return new PandorabotsBackend(options);
}

function toSessionId(value: string): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}
