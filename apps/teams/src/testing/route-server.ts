// Serves channel routes on a real HTTP listener (127.0.0.1, any port), the way `parley start` mounts them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRoute } from "@parley/core";

export interface RouteServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveRoutes(routes: readonly HttpRoute[], host = "127.0.0.1"): Promise<RouteServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes.find((r) => r.method === req.method && r.path === path);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port, family, address } = server.address() as AddressInfo;
  return {
    url: `http://${family === "IPv6" ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
