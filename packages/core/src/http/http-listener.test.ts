import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Counter, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { ParleyError } from "../errors/index.js";
import type { HttpRoute, Logger } from "../types/index.js";
import { createHttpListener, type HttpListener } from "./index.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const open: HttpListener[] = [];

async function start(routes: HttpRoute[] = [], ready: () => Promise<boolean> = async () => true) {
  const registry = new Registry();
  new Counter({ name: "test_hits_total", help: "hits", registers: [registry] }).inc(2);
  const listener = await createHttpListener({
    host: "127.0.0.1",
    port: 0,
    logger: silent,
    routes,
    health: { ready },
    metricsRegistry: registry,
  });
  open.push(listener);
  return listener;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

describe("createHttpListener", () => {
  it("binds the asked host, resolves port 0 and exposes the address", async () => {
    const listener = await start();
    expect(listener.address.host).toBe("127.0.0.1");
    expect(listener.address.port).toBeGreaterThan(0);
    expect(listener.url).toBe(`http://127.0.0.1:${listener.address.port}`);
  });

  it("answers /healthz with status ok", async () => {
    const res = await fetch(`${(await start()).url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz 200 when ready, 503 when not or when the check throws", async () => {
    let state: boolean | Error = true;
    const listener = await start([], async () => {
      if (state instanceof Error) throw state;
      return state;
    });
    expect((await fetch(`${listener.url}/readyz`)).status).toBe(200);
    state = false;
    const notReady = await fetch(`${listener.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: "not ready" });
    state = new Error("backend down");
    expect((await fetch(`${listener.url}/readyz`)).status).toBe(503);
  });

  it("serves the registry's metrics as Prometheus text", async () => {
    const res = await fetch(`${(await start()).url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^test_hits_total 2$/m);
  });

  it("hands channel routes the raw request with the body unread, so signatures can be checked", async () => {
    const secret = "signing-secret";
    const route: HttpRoute = {
      method: "POST",
      path: "/slack/events",
      async handler(req, res) {
        const body = await readBody(req);
        const expected = createHmac("sha256", secret).update(body).digest("hex");
        const ok = req.headers["x-signature"] === expected;
        res.writeHead(ok ? 200 : 401, { "content-type": "text/plain" });
        res.end(ok ? `verified ${body.length} bytes` : "bad signature");
      },
    };
    const listener = await start([route]);
    const body = '{ "type" :  "event_callback",\n "text": "héllo" }';
    const signature = createHmac("sha256", secret).update(Buffer.from(body)).digest("hex");
    const res = await fetch(`${listener.url}/slack/events?retry=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": signature },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`verified ${Buffer.byteLength(body)} bytes`);
    const forged = await fetch(`${listener.url}/slack/events`, {
      method: "POST",
      headers: { "x-signature": signature },
      body: `${body} `,
    });
    expect(forged.status).toBe(401);
  });

  it("matches prefix routes, prefers exact ones, and answers 405 / 404 otherwise", async () => {
    const reply =
      (text: string): HttpRoute["handler"] =>
      (_req, res) => {
        res.end(text);
      };
    const listener = await start([
      { method: "GET", path: "/webchat/*", handler: reply("asset") },
      { method: "GET", path: "/webchat/special", handler: reply("exact") },
      { method: "GET", path: "/", handler: reply("page") },
    ]);
    expect(await (await fetch(`${listener.url}/webchat/app.js`)).text()).toBe("asset");
    expect(await (await fetch(`${listener.url}/webchat`)).text()).toBe("asset");
    expect(await (await fetch(`${listener.url}/webchat/special`)).text()).toBe("exact");
    expect(await (await fetch(`${listener.url}/?x=1`)).text()).toBe("page");
    const wrong = await fetch(`${listener.url}/webchat/app.js`, { method: "POST", body: "x" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect((await fetch(`${listener.url}/webchatter`)).status).toBe(404);
    expect((await fetch(`${listener.url}/nothing`)).status).toBe(404);
  });

  it("answers 500 when a channel handler throws, and keeps serving", async () => {
    const listener = await start([
      {
        method: "GET",
        path: "/boom",
        handler() {
          throw new Error("bug");
        },
      },
    ]);
    const res = await fetch(`${listener.url}/boom`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Internal Server Error" });
    expect((await fetch(`${listener.url}/healthz`)).status).toBe(200);
  });

  it("refuses routes that would hide health endpoints or collide", async () => {
    const handler = () => {};
    await expect(start([{ method: "GET", path: "/healthz", handler }])).rejects.toThrow(ParleyError);
    await expect(
      start([
        { method: "POST", path: "/hook", handler },
        { method: "POST", path: "/hook", handler },
      ]),
    ).rejects.toMatchObject({ code: "HTTP_ROUTE_CONFLICT" });
  });

  it("mounts routes added after start", async () => {
    const listener = await start();
    listener.addRoutes([{ method: "GET", path: "/late", handler: (_q, s) => void s.end("late") }]);
    expect(await (await fetch(`${listener.url}/late`)).text()).toBe("late");
  });

  it("closes gracefully: a request in progress finishes, new connections are refused", async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => {
      entered = r;
    });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const listener = await start([
      {
        method: "GET",
        path: "/slow",
        async handler(_req, res) {
          entered();
          await released;
          res.end("finished");
        },
      },
    ]);
    const pending = fetch(`${listener.url}/slow`);
    await inHandler;
    let closed = false;
    const closing = listener.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    release();
    const res = await pending;
    expect(await res.text()).toBe("finished");
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${listener.url}/healthz`)).rejects.toThrow();
  });
});

describe("createHttpListener shutdown limit", () => {
  it("cuts off a request that never finishes once closeTimeoutMs has passed", async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => {
      entered = r;
    });
    const listener = await createHttpListener({
      host: "127.0.0.1",
      port: 0,
      logger: silent,
      routes: [{ method: "GET", path: "/stuck", handler: () => entered() }],
      health: { ready: async () => true },
      metricsRegistry: new Registry(),
      closeTimeoutMs: 50,
    });
    const pending = fetch(`${listener.url}/stuck`);
    await inHandler;
    await listener.close();
    await expect(pending).rejects.toThrow();
  });
});
