import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runPacedLoad, withPacedPool } from "./paced-load.js";

let server: Server;
let url: string;
let connections = 0;

beforeEach(async () => {
  connections = 0;
  // 20 ms per answer: at 400 requests/s more than 4 are in flight, so a run uses all 4 connections.
  server = createServer((_request, response) => setTimeout(() => response.end("ok"), 20));
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const load = () => ({
  url,
  rate: 400,
  seconds: 0.25,
  connections: 4,
  request: () => ({ method: "GET" as const, path: "/" }),
});

it("sends every request of the schedule and counts each answer", async () => {
  const figures = await runPacedLoad(load());
  expect(figures.total).toBe(100);
  expect(figures.non2xx).toBe(0);
  expect(figures.errors).toBe(0);
  expect(figures.p99Ms).toBeGreaterThan(0);
});

it("runs a measured run on the warm-up's connections, opening none of its own", async () => {
  await withPacedPool(url, 4, async (pool) => {
    await runPacedLoad(load(), pool);
    expect(connections).toBe(4);
    const measured = await runPacedLoad(load(), pool);
    expect(measured.total).toBe(100);
    expect(connections).toBe(4);
  });
  // Without a pool, a run opens connections of its own.
  await runPacedLoad(load());
  expect(connections).toBe(8);
});
