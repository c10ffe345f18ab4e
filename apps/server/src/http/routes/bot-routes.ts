// /bot/{app_id}[/{botname}[/verify]]: list, create, delete, list files (or zip), compile.
import type { FastifyInstance } from "fastify";
import type { BotParams, HttpContext } from "../context.js";
import { BadRequestError } from "../errors.js";
import { stringParam } from "../params.js";

export function registerBotRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { auth, admin } = ctx;

  app.get<{ Params: { appId: string } }>("/bot/:appId", async (request) => {
    auth.check(request.params.appId, stringParam(request.query as Record<string, unknown>, "user_key"));
    return admin.list(request.params.appId);
  });

  app.put<{ Params: BotParams }>("/bot/:appId/:botname", async (request) => {
    auth.check(request.params.appId, stringParam(request.query as Record<string, unknown>, "user_key"));
    admin.create(request.params.appId, request.params.botname);
    return { status: "ok" };
  });

  app.delete<{ Params: BotParams }>("/bot/:appId/:botname", async (request) => {
    auth.check(request.params.appId, stringParam(request.query as Record<string, unknown>, "user_key"));
    admin.delete(request.params.appId, request.params.botname);
    return { status: "ok" };
  });

  app.get<{ Params: BotParams }>("/bot/:appId/:botname", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    auth.check(request.params.appId, stringParam(query, "user_key"));
    const bot = admin.existing(request.params.appId, request.params.botname);
    if (stringParam(query, "return") === "zip") {
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${bot.name}.zip"`)
        .send(Buffer.from(admin.zip(bot)));
    }
    return admin.listing(bot);
  });

  app.get<{ Params: BotParams }>("/bot/:appId/:botname/verify", async (request) => {
    auth.check(request.params.appId, stringParam(request.query as Record<string, unknown>, "user_key"));
    const bot = admin.existing(request.params.appId, request.params.botname);
    const outcome = await admin.verify(bot);
    if (!outcome.ok) {
      const first = outcome.errors[0];
      const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : "unknown error";
      throw new BadRequestError(`Compile failed: ${where}`, {
        results: outcome.errors.map(({ file, line, column, message }) => ({ file, line, column, message })),
      });
    }
    return { status: "ok" };
  });
}
