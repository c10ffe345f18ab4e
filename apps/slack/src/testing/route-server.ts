// Serves a channel's routes on a real HTTP listener, as `parley start` does with the gateway's one listener.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRoute } from "@parley/core";

export interface RouteServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveRoutes(routes: readonly HttpRoute[]): Promise<RouteServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const route = routes.find(
      (r) =>
        r.method === req.method &&
        (r.path.endsWith("/*") ? path.startsWith(r.path.slice(0, -1)) : r.path === path),
    );
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    void Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
