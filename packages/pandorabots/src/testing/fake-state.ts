// What the fake Pandorabots service remembers: bots, their files, anonymous clients, sessions and
// what it saw (calls, rate-limit counts) so tests can assert on the traffic.

export type FakeFileKind = "file" | "set" | "map" | "substitution" | "properties" | "pdefaults";

export interface FakeBot {
  /** Keyed by `${kind}/${name}`; properties and pdefaults use the kind alone. */
  files: Map<string, { kind: FakeFileKind; name: string; content: string }>;
  compiled: boolean;
}

/** One request as the fake received it. */
export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  /** "talk", "atalk", "listBots", "createBot", "deleteBot", "listFiles", "zip", "putFile", "getFile", "deleteFile", "verify", or "unknown". */
  endpoint: string;
  query: Record<string, string>;
  /** The form body, when the request had one. */
  form: Record<string, string> | undefined;
  /** Talk parameters from wherever they came (query and/or form), credentials removed. */
  params: Record<string, string>;
  /** Where the talk parameters came from. */
  paramsIn: "query" | "form" | "both" | "none";
  contentType: string | undefined;
  body: string | undefined;
  /** The status the fake answered with. */
  status: number;
  /** The anonymous / named client of a talk call, after the fake resolved it. */
  clientName?: string;
  sessionid?: number;
  receivedAt: number;
}

export interface TalkContext {
  botname: string;
  /** One sentence of the input (the fake splits input like the service's sentence splitter). */
  sentence: string;
  input: string;
  clientName: string | undefined;
  sessionid: number;
  reset: boolean;
  /** How many talk calls this client (or the app, without client) made before this one. */
  turn: number;
}

export interface Failure {
  status: number;
  message?: string;
  /** Sent as the Retry-After header (seconds or an HTTP date). */
  retryAfter?: string;
}

export class FakeState {
  readonly bots = new Map<string, FakeBot>();
  /** Client names handed out by atalk. */
  readonly anonymousClients = new Set<string>();
  readonly calls: RecordedCall[] = [];
  readonly turns = new Map<string, number>();
  readonly failures: Failure[] = [];
  readonly failuresAt = new Map<number, Failure>();
  /** talk / atalk calls that passed the rate limit, counted from the start. */
  talkArrivals = 0;
  permanentFailure: Failure | undefined;
  nextClient = 0;
  nextSession = 1000;
  talksInFlight = 0;
  maxTalksInFlight = 0;
  /** Talk calls refused because they went over the configured rate limit. */
  rateLimited = 0;
  /** Arrival times of talk calls that were not refused, for the sliding window. */
  readonly talkTimes: number[] = [];
  maxTalksInWindow = 0;

  addBot(name: string, compiled = true): FakeBot {
    const bot: FakeBot = { files: new Map(), compiled };
    this.bots.set(name, bot);
    return bot;
  }
}
