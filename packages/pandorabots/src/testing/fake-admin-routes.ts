// Bot and file management endpoints of the fake: bots, the six file kinds, zip and compile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { strToU8, zipSync } from "fflate";
import type { FakeContext } from "./fake-context.js";
import { BOT_NAME, FILE_NAME, fail, fileName, NAMED_KINDS, SINGLE_KINDS } from "./fake-http.js";
import type { FakeBot, FakeFileKind } from "./fake-state.js";

type P = Record<string, string>;

export function registerAdminRoutes(app: FastifyInstance, ctx: FakeContext): void {
  const { state, mark, requireApp } = ctx;

  const requireBot = (name: string, missingStatus = 412): FakeBot => {
    if (!BOT_NAME.test(name)) fail(400, "Invalid botname");
    const bot = state.bots.get(name);
    if (!bot) return fail(missingStatus, "precondition failed");
    return bot;
  };

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
}
