// A local, real-HTTP stand-in for the Pandorabots AIaaS API. It checks credentials, names, kinds
// and talk parameters like the service does (both the form-body and query-string variants), records
// every call, and can add latency, enforce a rate limit and fail on demand.
import Fastify, { type FastifyRequest } from "fastify";
import { registerAdminRoutes } from "./fake-admin-routes.js";
import type { FakeContext, Seen } from "./fake-context.js";
import { Answer, fail, formOf, queryOf, talkParams } from "./fake-http.js";
import { type Failure, FakeState, type RecordedCall, type TalkContext } from "./fake-state.js";
import { registerTalkRoutes } from "./fake-talk-routes.js";

export type { Failure, RecordedCall, TalkContext } from "./fake-state.js";

export interface FakePandorabotsOptions {
  appId?: string;
  userKey?: string;
  /** botkey -> bot name, for the `/talk?botkey=` forms. */
  botkeys?: Record<string, string>;
  /** Bots that exist (compiled) from the start. */
  bots?: string[];
  /** The bot's answer to one sentence. Default: `You said: <sentence>`. */
  respond?: (ctx: TalkContext) => string | Promise<string>;
  /** Delay before each talk answer, in ms (a function for random latencies). */
  latencyMs?: number | (() => number);
  /** Refuse (429) talk calls beyond `max` in any sliding window of `windowMs`, and count them. */
  rateLimit?: { max: number; windowMs: number };
}

export interface FakePandorabots {
  /** Base URL to give the client, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly appId: string;
  readonly userKey: string;
  readonly state: FakeState;
  /** Every request, in arrival order. */
  readonly calls: RecordedCall[];
  /** talk and atalk calls only. */
  talkCalls(): RecordedCall[];
  addBot(name: string, options?: { compiled?: boolean }): void;
  /** The next `count` talk / atalk calls fail with `failure`. */
  failNextTalks(count: number, failure: Failure): void;
  /** The talk / atalk call number `index` (0-based, counted from the fake's start) fails with `failure`. */
  failTalkAt(index: number, failure: Failure): void;
  /** Changes (or removes) the rate limit from now on; the window starts empty. */
  setRateLimit(rateLimit: { max: number; windowMs: number } | undefined): void;
  /** Every talk / atalk call fails with `failure` until `failure` is undefined again. */
  failAllTalks(failure: Failure | undefined): void;
  close(): Promise<void>;
}

export async function startFakePandorabots(options: FakePandorabotsOptions = {}): Promise<FakePandorabots> {
  const appId = options.appId ?? "fakeapp";
  const userKey = options.userKey ?? "fake-user-key-123";
  const botkeys = options.botkeys ?? {};
  const respond = options.respond ?? ((ctx: TalkContext) => `You said: ${ctx.sentence}`);
  const latency = options.latencyMs;
  let rateLimit = options.rateLimit;
  const state = new FakeState();
  for (const name of options.bots ?? []) state.addBot(name, true);
  const seen = new WeakMap<FastifyRequest, Seen>();

  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  // Keep every body raw: uploads arrive as XML, JSON, text, or (curl --data-binary) as a "form".
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));

  app.addHook("onResponse", async (req, reply) => {
    const info = seen.get(req) ?? { endpoint: "unknown" };
    const url = new URL(req.url, "http://fake");
    const query = queryOf(req);
    const contentType = req.headers["content-type"];
    const body = typeof req.body === "string" ? req.body : undefined;
    const form = formOf(req);
    const { params, paramsIn } = talkParams(query, form);
    state.calls.push({
      method: req.method,
      path: url.pathname,
      endpoint: info.endpoint,
      query,
      form,
      params,
      paramsIn,
      contentType,
      body,
      status: reply.statusCode,
      clientName: info.clientName,
      sessionid: info.sessionid,
      receivedAt: Date.now(),
    });
  });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof Answer) {
      reply.code(err.status).headers(err.headers).send(err.payload);
      return;
    }
    reply.code(500).send({ status: "error", message: String(err) });
  });

  const mark = (req: FastifyRequest, endpoint: string): Seen => {
    const info: Seen = { endpoint };
    seen.set(req, info);
    return info;
  };

  const requireApp = (req: FastifyRequest, app: string) => {
    const key = new URL(req.url, "http://fake").searchParams.get("user_key");
    if (app !== appId || key !== userKey) fail(401, "Unauthorized");
  };

  const ctx: FakeContext = {
    state,
    appId,
    userKey,
    botkeys,
    respond,
    latency,
    rateLimit: () => rateLimit,
    mark,
    requireApp,
  };
  registerAdminRoutes(app, ctx);
  registerTalkRoutes(app, ctx);

  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("fake Pandorabots: no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}`,
    appId,
    userKey,
    state,
    calls: state.calls,
    talkCalls: () => state.calls.filter((c) => c.endpoint === "talk" || c.endpoint === "atalk"),
    addBot: (name, opts = {}) => {
      state.addBot(name, opts.compiled ?? true);
    },
    failNextTalks: (count, failure) => {
      for (let i = 0; i < count; i++) state.failures.push(failure);
    },
    failTalkAt: (index, failure) => {
      state.failuresAt.set(index, failure);
    },
    setRateLimit: (limit) => {
      rateLimit = limit;
      state.talkTimes.length = 0;
    },
    failAllTalks: (failure) => {
      state.permanentFailure = failure;
    },
    close: () => app.close(),
  };
}
