import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { pacedPool, runPacedLoad } from "./paced-load.js";

let server: Server;
let url: string;
let connections = 0;

beforeEach(async () => {
  connections = 0;
  server = createServer((_request, response) => response.end("ok"));
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
  const pool = pacedPool(url, 4);
  try {
    await runPacedLoad(load(), pool);
    const afterWarmUp = connections;
    expect(afterWarmUp).toBeGreaterThan(0);
    const measured = await runPacedLoad(load(), pool);
    expect(measured.total).toBe(100);
    expect(connections).toBe(afterWarmUp);
  } finally {
    await pool.close();
  }
  // Without a pool, a run opens connections of its own.
  const before = connections;
  await runPacedLoad(load());
  expect(connections).toBeGreaterThan(before);
});
