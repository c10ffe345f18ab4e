// A local, real-HTTP stand-in for the Pandorabots AIaaS API. It checks credentials, names, kinds
// and talk parameters like the service does (both the form-body and query-string variants), records
// every call, and can add latency, enforce a rate limit and fail on demand.
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { strToU8, zipSync } from "fflate";
import {
  type Failure,
  type FakeBot,
  type FakeFileKind,
  FakeState,
  type RecordedCall,
  type TalkContext,
} from "./fake-state.js";
import { splitSentences } from "./sentences.js";

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

const BOT_NAME = /^[0-9a-z]{3,64}$/;
const FILE_NAME = /^[0-9a-z]+$/;
const PLAIN_CLIENT = /^[0-9a-z]{3,64}$/;
const ATALK_CLIENT = /^aiaas-[0-9A-Za-z_-]+-user-\d{4,}$/;
const NAMED_KINDS: FakeFileKind[] = ["file", "set", "map", "substitution"];
const SINGLE_KINDS: FakeFileKind[] = ["properties", "pdefaults"];
const EXTENSION: Record<FakeFileKind, string> = {
  file: "aiml",
  set: "set",
  map: "map",
  substitution: "substitution",
  properties: "properties",
  pdefaults: "pdefaults",
};

interface Seen {
  endpoint: string;
  clientName?: string;
  sessionid?: number;
}

class Answer extends Error {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake answer ${status}`);
  }
}

const fail = (status: number, message: string, extra: Record<string, unknown> = {}): never => {
  throw new Answer(status, { status: "error", message, ...extra });
};

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
    const query = Object.fromEntries(url.searchParams);
    const contentType = req.headers["content-type"];
    const body = typeof req.body === "string" ? req.body : undefined;
    const form =
      isForm(contentType) && body !== undefined ? Object.fromEntries(new URLSearchParams(body)) : undefined;
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

  const requireBot = (name: string, missingStatus = 412): FakeBot => {
    if (!BOT_NAME.test(name)) fail(400, "Invalid botname");
    const bot = state.bots.get(name);
    if (!bot) return fail(missingStatus, "precondition failed");
    return bot;
  };

  type P = Record<string, string>;

  app.get<{ Params: P }>("/bot/:app", async (req) => {
    mark(req, "listBots");
    requireApp(req, req.params.app ?? "");
    return [...state.bots.keys()].map((botname) => ({ botname }));
  });

  app.put<{ Params: P }>("/bot/:app/:bot", async (req) => {
    mark(req, "createBot");
    requireApp(req, req.params.app ?? "");
    const name = req.params.bot ?? "";
    if (!BOT_NAME.test(name)) fail(400, "Invalid botname");
    if (state.bots.has(name)) fail(409, "Bot already exists");
    state.addBot(name, false);
    return { status: "ok" };
  });

  app.delete<{ Params: P }>("/bot/:app/:bot", async (req) => {
    mark(req, "deleteBot");
    requireApp(req, req.params.app ?? "");
    requireBot(req.params.bot ?? "");
    state.bots.delete(req.params.bot ?? "");
    return { status: "ok" };
  });

  app.get<{ Params: P }>("/bot/:app/:bot", async (req, reply) => {
    const zip = new URL(req.url, "http://fake").searchParams.get("return") === "zip";
    mark(req, zip ? "zip" : "listFiles");
    requireApp(req, req.params.app ?? "");
    const name = req.params.bot ?? "";
    const bot = requireBot(name, 404);
    if (zip) {
      const entries: Record<string, Uint8Array> = {};
      for (const f of bot.files.values()) entries[fileName(f.kind, f.name, name)] = strToU8(f.content);
      reply.type("application/zip");
      return Buffer.from(zipSync(entries));
    }
    const list = (kind: FakeFileKind) =>
      [...bot.files.values()]
        .filter((f) => f.kind === kind)
        .map((f) => ({ name: fileName(kind, f.name, name) }));
    return {
      botname: name,
      files: list("file"),
      sets: list("set"),
      maps: list("map"),
      substitutions: list("substitution"),
      properties: list("properties"),
      pdefaults: list("pdefaults"),
    };
  });

  app.get<{ Params: P }>("/bot/:app/:bot/verify", async (req) => {
    mark(req, "verify");
    requireApp(req, req.params.app ?? "");
    const bot = requireBot(req.params.bot ?? "", 400);
    const results: { filename: string; message: string }[] = [];
    for (const f of bot.files.values()) {
      if (f.kind === "file" && !/<aiml[\s>][\s\S]*<\/aiml>\s*$/.test(f.content.trim())) {
        results.push({ filename: `${f.name}.aiml`, message: "malformed AIML: no closing </aiml>" });
      }
    }
    if (results.length > 0) fail(400, "Compilation failed", { results });
    bot.compiled = true;
    return { status: "ok" };
  });

  const fileRoute = async (req: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
    const { app: appParam = "", bot: botName = "", kind = "", name } = req.params;
    const op = req.method === "PUT" ? "putFile" : req.method === "GET" ? "getFile" : "deleteFile";
    mark(req, op);
    requireApp(req, appParam);
    const fileKind = kind as FakeFileKind;
    const allowed = name === undefined ? SINGLE_KINDS : NAMED_KINDS;
    if (!allowed.includes(fileKind)) fail(404, `Unknown file kind: ${kind}`);
    if (!BOT_NAME.test(botName)) fail(400, "Invalid botname");
    let base = fileKind;
    if (name !== undefined) {
      base = (fileKind === "file" ? name.replace(/\.aiml$/, "") : name) as FakeFileKind;
      if ((fileKind === "file" && !name.endsWith(".aiml")) || !FILE_NAME.test(base))
        fail(400, "Invalid filename");
    }
    const bot = state.bots.get(botName);
    if (!bot) return fail(412, "precondition failed");
    const key = `${fileKind}/${base}`;
    if (req.method === "PUT") {
      const content = typeof req.body === "string" ? req.body : "";
      if (fileKind !== "file") {
        try {
          JSON.parse(content);
        } catch {
          fail(400, `Malformed JSON in ${fileName(fileKind, base, botName)}`);
        }
      }
      bot.files.set(key, { kind: fileKind, name: base, content });
      return { status: "ok" };
    }
    const file = bot.files.get(key);
    if (!file) return fail(412, `Unknown file: ${fileName(fileKind, base, botName)}`);
    if (req.method === "DELETE") {
      bot.files.delete(key);
      return { status: "ok" };
    }
    reply.type(fileKind === "file" ? "application/xml" : "application/json");
    return file.content;
  };
  app.route<{ Params: P }>({
    method: ["PUT", "GET", "DELETE"],
    url: "/bot/:app/:bot/:kind",
    handler: fileRoute,
  });
  app.route<{ Params: P }>({
    method: ["PUT", "GET", "DELETE"],
    url: "/bot/:app/:bot/:kind/:name",
    handler: fileRoute,
  });

  const talkRoute =
    (endpoint: "talk" | "atalk", withApp: boolean) => async (req: FastifyRequest<{ Params: P }>) => {
      const info = mark(req, endpoint);
      const url = new URL(req.url, "http://fake");
      const query = Object.fromEntries(url.searchParams);
      const body = typeof req.body === "string" ? req.body : undefined;
      const form =
        isForm(req.headers["content-type"]) && body
          ? Object.fromEntries(new URLSearchParams(body))
          : undefined;
      const { params } = talkParams(query, form);
      let botname: string;
      if (withApp) {
        requireApp(req, req.params.app ?? "");
        botname = req.params.bot ?? "";
      } else {
        const mapped = botkeys[query.botkey ?? ""];
        if (mapped === undefined) return fail(401, "Unauthorized");
        botname = mapped;
      }

      const now = Date.now();
      if (rateLimit) {
        const { max, windowMs } = rateLimit;
        while (state.talkTimes.length > 0 && (state.talkTimes[0] ?? 0) <= now - windowMs)
          state.talkTimes.shift();
        if (state.talkTimes.length >= max) {
          state.rateLimited += 1;
          const wait = Math.max(1, Math.ceil(((state.talkTimes[0] ?? now) + windowMs - now) / 1000));
          throw new Answer(
            429,
            { status: "error", message: "Too many requests" },
            { "retry-after": String(wait) },
          );
        }
        state.talkTimes.push(now);
        state.maxTalksInWindow = Math.max(state.maxTalksInWindow, state.talkTimes.length);
      }
      const arrival = state.talkArrivals++;
      const scripted = state.failuresAt.get(arrival);
      state.failuresAt.delete(arrival);
      const failure = scripted ?? state.failures.shift() ?? state.permanentFailure;
      if (failure) {
        const headers: Record<string, string> = failure.retryAfter
          ? { "retry-after": failure.retryAfter }
          : {};
        throw new Answer(
          failure.status,
          { status: "error", message: failure.message ?? "fake failure" },
          headers,
        );
      }

      const input = params.input;
      if (input === undefined || input.trim() === "") fail(400, "Missing input");
      if ((input ?? "").length > 2000) fail(400, "Input too long (2000 characters at most)");
      let clientName = params.client_name;
      if (clientName !== undefined && !PLAIN_CLIENT.test(clientName) && !ATALK_CLIENT.test(clientName)) {
        fail(400, "Invalid client_name");
      }
      if (params.trace === "true" && clientName !== undefined)
        fail(400, "trace is not allowed with client_name");
      const bot = state.bots.get(botname);
      if (!bot || (!bot.compiled && params.recent !== "true")) fail(412, "precondition failed");
      if (endpoint === "atalk") {
        if (clientName === undefined) {
          clientName = `aiaas-${appId}-user-${String(state.nextClient++).padStart(4, "0")}`;
          state.anonymousClients.add(clientName);
        } else if (ATALK_CLIENT.test(clientName) && !state.anonymousClients.has(clientName)) {
          fail(400, "Unknown client_name");
        }
      }
      const given = Number(params.sessionid);
      const sessionid =
        params.sessionid !== undefined && Number.isInteger(given) ? given : state.nextSession++;
      info.clientName = clientName;
      info.sessionid = sessionid;

      state.talksInFlight += 1;
      state.maxTalksInFlight = Math.max(state.maxTalksInFlight, state.talksInFlight);
      try {
        const delay = typeof latency === "function" ? latency() : (latency ?? 0);
        if (delay > 0) await sleep(delay);
        const turnKey = `${botname}/${clientName ?? ""}`;
        const reset = params.reset === "true";
        if (reset) state.turns.set(turnKey, 0);
        const responses: string[] = [];
        for (const sentence of splitSentences(input ?? "")) {
          const turn = state.turns.get(turnKey) ?? 0;
          responses.push(
            await respond({ botname, sentence, input: input ?? "", clientName, sessionid, reset, turn }),
          );
        }
        state.turns.set(turnKey, (state.turns.get(turnKey) ?? 0) + 1);
        const answer: Record<string, unknown> = { status: "ok", responses, sessionid };
        if (endpoint === "atalk") answer.client_name = clientName;
        if (params.extra === "true") {
          Object.assign(answer, {
            input,
            pattern: "*",
            that: "*",
            topic: "*",
            filename: "fake.aiml",
            template: "…",
          });
        }
        if (params.trace === "true") {
          answer.trace = [
            { status: "ok", level: 1, input, matched: "*", filename: "fake.aiml", template: "…" },
          ];
        }
        return answer;
      } finally {
        state.talksInFlight -= 1;
      }
    };
  app.post("/talk/:app/:bot", talkRoute("talk", true));
  app.post("/atalk/:app/:bot", talkRoute("atalk", true));
  app.post("/talk", talkRoute("talk", false));
  app.post("/atalk", talkRoute("atalk", false));

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

function isForm(contentType: string | undefined): boolean {
  return contentType?.startsWith("application/x-www-form-urlencoded") ?? false;
}

/** "greetings.aiml", "colors.set"; a bot's one properties / pdefaults file is named after the bot. */
function fileName(kind: FakeFileKind, name: string, botname = "bot"): string {
  return SINGLE_KINDS.includes(kind) ? `${botname}.${EXTENSION[kind]}` : `${name}.${EXTENSION[kind]}`;
}

const CREDENTIALS = new Set(["user_key", "botkey", "return"]);

function talkParams(
  query: Record<string, string>,
  form: Record<string, string> | undefined,
): { params: Record<string, string>; paramsIn: RecordedCall["paramsIn"] } {
  const fromQuery = Object.fromEntries(Object.entries(query).filter(([k]) => !CREDENTIALS.has(k)));
  const inQuery = Object.keys(fromQuery).length > 0;
  const inForm = form !== undefined && Object.keys(form).length > 0;
  const paramsIn = inQuery && inForm ? "both" : inQuery ? "query" : inForm ? "form" : "none";
  return { params: { ...fromQuery, ...(form ?? {}) }, paramsIn };
}
