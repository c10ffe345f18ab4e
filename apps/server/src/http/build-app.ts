// Assembles the fastify app: request logging, error mapping and the route groups.
import type { Logger } from "@parley/core";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import type { HttpContext } from "./context.js";
import { ApiError, RateLimitedError } from "./errors.js";
import { registerBotRoutes } from "./routes/bot-routes.js";
import { acceptRawBodies, registerFileRoutes } from "./routes/file-routes.js";
import { registerTalkRoutes } from "./routes/talk-routes.js";

export function buildApp(ctx: HttpContext, logger: Logger): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    // A 2000-character non-ASCII input sent in the query string is up to 18 KB of URL, over Node's 16 KB.
    http: { maxHeaderSize: 64 * 1024 },
    // Errors raised before routing (a malformed URL) bypass setErrorHandler, and fastify's own
    // message repeats the whole URL, query string (user_key) included: answer them plainly.
    frameworkErrors: (_error, request, reply) => {
      logger.info({ method: request.method, status: 400 }, "request refused: malformed URL");
      (reply as FastifyReply).status(400).send({ status: "error", message: "Malformed request URL" });
    },
  });

  app.addHook("onResponse", async (request, reply) => {
    // The path only: query strings carry user keys and botkeys.
    const path = request.url.split("?", 1)[0];
    logger.info(
      { method: request.method, path, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      "request",
    );
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
      return reply.status(error.status).send({ status: "error", message: error.message, ...error.details });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ status: "error", message: error.message });
    }
    logger.error(
      { err: error, method: request.method, path: request.url.split("?", 1)[0] },
      "request failed",
    );
    return reply.status(500).send({ status: "error", message: "Internal server error" });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ status: "error", message: "Not found" }),
  );

  app.get("/healthz", async () => ({ status: "ok" }));

  app.register(async (scope) => {
    acceptRawBodies(scope, ctx.maxUploadBytes);
    registerBotRoutes(scope, ctx);
    registerFileRoutes(scope, ctx);
  });
  app.register(async (scope) => registerTalkRoutes(scope, ctx));
  return app;
}
