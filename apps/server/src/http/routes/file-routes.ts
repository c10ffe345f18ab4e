// Upload / retrieve / delete of bot files: /bot/{app_id}/{botname}/{kind}[/{name}].
import type { FastifyInstance, FastifyReply } from "fastify";
import { type FileKind, parseNamedKind, parseSingleKind, storedFileName } from "../../domain/file-kinds.js";
import type { BotRow } from "../../storage/bot-store.js";
import type { HttpContext, KindParams, NamedFileParams } from "../context.js";
import { BadRequestError } from "../errors.js";
import { stringParam } from "../params.js";

function contentType(kind: FileKind): string {
  return kind === "file" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
}

/** Uploads come with any content type (curl --data-binary sends a form type): always take raw bytes. */
export function acceptRawBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
}

export function registerFileRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { auth, admin } = ctx;

  type Target = { bot: BotRow; kind: FileKind; name: string };

  // Credentials first, so an unauthenticated caller learns nothing from 400/404/412.
  const resolve = (
    appId: string,
    query: unknown,
    botname: string,
    kindOf: () => FileKind,
    pathName: string,
  ) => {
    auth.check(appId, stringParam(query as Record<string, unknown>, "user_key"));
    const kind = kindOf();
    const name = storedFileName(kind, pathName, botname);
    return { bot: admin.existing(appId, botname), kind, name } satisfies Target;
  };

  const upload = (target: Target, body: unknown) => {
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new BadRequestError("Missing file content in the body");
    admin.upload(target.bot, target.kind, target.name, body);
    return { status: "ok" };
  };
  const retrieve = (target: Target, reply: FastifyReply) =>
    reply.type(contentType(target.kind)).send(admin.retrieve(target.bot, target.kind, target.name));
  const remove = (target: Target) => {
    admin.remove(target.bot, target.kind, target.name);
    return { status: "ok" };
  };

  const named = (p: NamedFileParams, query: unknown) =>
    resolve(p.appId, query, p.botname, () => parseNamedKind(p.kind), p.filename);
  const single = (p: KindParams, query: unknown) =>
    resolve(p.appId, query, p.botname, () => parseSingleKind(p.kind), "");

  const namedPath = "/bot/:appId/:botname/:kind/:filename";
  app.put<{ Params: NamedFileParams }>(namedPath, async (req) =>
    upload(named(req.params, req.query), req.body),
  );
  app.get<{ Params: NamedFileParams }>(namedPath, async (req, reply) =>
    retrieve(named(req.params, req.query), reply),
  );
  app.delete<{ Params: NamedFileParams }>(namedPath, async (req) => remove(named(req.params, req.query)));

  const singlePath = "/bot/:appId/:botname/:kind";
  app.put<{ Params: KindParams }>(singlePath, async (req) => upload(single(req.params, req.query), req.body));
  app.get<{ Params: KindParams }>(singlePath, async (req, reply) =>
    retrieve(single(req.params, req.query), reply),
  );
  app.delete<{ Params: KindParams }>(singlePath, async (req) => remove(single(req.params, req.query)));
}
