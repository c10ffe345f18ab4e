// The talk and atalk endpoints of the fake, in the app id + user key and the botkey forms.
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FakeContext } from "./fake-context.js";
import { Answer, ATALK_CLIENT, fail, formOf, PLAIN_CLIENT, queryOf, talkParams } from "./fake-http.js";
import { splitSentences } from "./sentences.js";

type P = Record<string, string>;

export function registerTalkRoutes(app: FastifyInstance, ctx: FakeContext): void {
  const { state, appId, botkeys, respond, latency, mark, requireApp } = ctx;

  const talkRoute =
    (endpoint: "talk" | "atalk", withApp: boolean) => async (req: FastifyRequest<{ Params: P }>) => {
      const info = mark(req, endpoint);
      const query = queryOf(req);
      const { params } = talkParams(query, formOf(req));
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
      const rateLimit = ctx.rateLimit();
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
}
