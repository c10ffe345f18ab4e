import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { MemoryInterlocutorStore } from "../store/index.js";
import { createGateway } from "./gateway.js";
import { inbound, memoryLogger, RecordingChannel } from "./test-support/fakes.js";
import { HttpTalkBackend } from "./test-support/http-backend.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/talk`;
}

it("over real HTTP: a 503 and a 429 with Retry-After are retried, and the answer is delivered once", async () => {
  const statuses = [503, 429, 200];
  const seen: { status: number; at: number }[] = [];
  const url = await listen((_req, res) => {
    const status = statuses.shift() ?? 200;
    seen.push({ status, at: Date.now() });
    if (status === 429) res.setHeader("retry-after", "1");
    res.writeHead(status, { "content-type": "application/json" });
    res.end(
      JSON.stringify(status === 200 ? { status: "ok", responses: ["Hi there!"] } : { message: "busy" }),
    );
  });
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend: new HttpTalkBackend(() => url),
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: { retries: 3, retry: { baseDelayMs: 10, maxDelayMs: 20 } },
  });
  await gateway.receive(inbound("h1", "hello"));
  await gateway.stop();
  expect(seen.map((s) => s.status)).toEqual([503, 429, 200]);
  expect((seen[2]?.at ?? 0) - (seen[1]?.at ?? 0)).toBeGreaterThanOrEqual(990); // Retry-After: 1
  expect(channel.textsTo("conv-h1")).toEqual(["Hi there!"]);
});

it("over real HTTP: a refused connection is retried until the server is back", async () => {
  // Find a free port, then leave it closed for the first attempts.
  const probe = await listen((_req, res) => res.end());
  const port = new URL(probe).port;
  await new Promise((resolve) => servers.pop()?.close(resolve));
  let attempts = 0;
  const backend = new HttpTalkBackend(() => {
    attempts++;
    return `http://127.0.0.1:${port}/talk`;
  });
  const channel = new RecordingChannel();
  const logger = memoryLogger();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: { retries: 5, retry: { baseDelayMs: 40, maxDelayMs: 80 } },
    logger,
  });
  await gateway.receive(inbound("h2", "anyone?"));
  // Bring the server up on that port once the first attempt was refused (the queue logs its retry),
  // not merely started: a slow machine could otherwise let that attempt reach the new server.
  const retrying = () => logger.entries.some((e) => e.msg === "talk call failed; retrying");
  while (!retrying()) await new Promise((resolve) => setTimeout(resolve, 5));
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ responses: ["back again"] }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(Number(port), "127.0.0.1", resolve));
  await gateway.stop();
  expect(attempts).toBeGreaterThan(1);
  expect(channel.textsTo("conv-h2")).toEqual(["back again"]);
});
