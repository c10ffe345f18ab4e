import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpBodyError, readJsonBody } from "./read-json-body.js";

describe("readJsonBody on a raw route", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      try {
        const body = await readJsonBody(req, { maxBytes: 100, requireJsonType: req.url === "/typed" });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ body }));
      } catch (error) {
        const status = error instanceof HttpBodyError ? error.status : 500;
        const headers = status === 413 ? { connection: "close" } : {};
        res.writeHead(status, headers).end(error instanceof Error ? error.message : "");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (path: string, body: BodyInit, type = "application/json") =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": type },
      body,
      duplex: "half",
    } as RequestInit);

  it("parses a JSON body within the limit", async () => {
    const res = await post("/", JSON.stringify({ a: 1 }));
    expect(await res.json()).toEqual({ body: { a: 1 } });
  });

  it("answers 413 for a body over the limit, declared or streamed without a length", async () => {
    const declared = await post("/", JSON.stringify({ a: "x".repeat(200) }));
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe("body over 100 bytes");
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(50)));
        controller.close();
      },
    });
    expect((await post("/", chunks)).status).toBe(413);
  });

  it("answers 400 for malformed JSON and 415 for another content type where JSON is required", async () => {
    const broken = await post("/", "{not json");
    expect(broken.status).toBe(400);
    expect(await broken.text()).toBe("body is not JSON");
    expect((await post("/typed", "a=b", "application/x-www-form-urlencoded")).status).toBe(415);
  });
});
