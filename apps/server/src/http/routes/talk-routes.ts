// talk and atalk, in the /{app_id}/{botname} + user_key form and the ?botkey= form.
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { assertBotName } from "../../domain/names.js";
import type { BotRow } from "../../storage/bot-store.js";
import type { BotParams, HttpContext } from "../context.js";
import { PreconditionFailedError, UnauthorizedError } from "../errors.js";
import { mergeParams, parseTalkParams, type RawParams, stringParam } from "../params.js";

export async function registerTalkRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(formbody);
  // Any other body type is ignored: parameters may all be in the query string.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, _body, done) => done(null, undefined));

  const talkWithKey = (request: FastifyRequest, anonymous: boolean) => {
    const params = mergeParams(request.query, request.body);
    const botkey = stringParam(params, "botkey");
    const bot = botkey ? ctx.bots.findByKey(botkey) : undefined;
    if (!bot) throw new UnauthorizedError();
    return run(bot, params, anonymous);
  };

  const talkWithApp = (request: FastifyRequest<{ Params: BotParams }>, anonymous: boolean) => {
    const params = mergeParams(request.query, request.body);
    ctx.auth.check(request.params.appId, stringParam(params, "user_key"));
    assertBotName(request.params.botname);
    const bot = ctx.bots.find(request.params.appId, request.params.botname);
    if (!bot) throw new PreconditionFailedError(`Unknown bot ${request.params.botname}`);
    return run(bot, params, anonymous);
  };

  const run = (bot: BotRow, params: RawParams, anonymous: boolean) =>
    ctx.talk.talk(bot.app_id, bot, parseTalkParams(params), anonymous);

  app.post("/talk", (request) => talkWithKey(request, false));
  app.post("/atalk", (request) => talkWithKey(request, true));
  app.post<{ Params: BotParams }>("/talk/:appId/:botname", (request) => talkWithApp(request, false));
  app.post<{ Params: BotParams }>("/atalk/:appId/:botname", (request) => talkWithApp(request, true));
}
