// A real HTTP listener that mounts channel routes the way `parley start` does (raw req/res, body unread).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRoute } from "@parley/core";

export class RouteListener {
  private routes: readonly HttpRoute[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RouteListener> {
    let listener: RouteListener | undefined;
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const route = listener?.routes.find(
        (r) =>
          r.method === req.method &&
          (r.path.endsWith("/*") ? path.startsWith(r.path.slice(0, -1)) : r.path === path),
      );
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      Promise.resolve(route.handler(req, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    listener = new RouteListener(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return listener;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  mount(routes: readonly HttpRoute[]): void {
    this.routes = [...this.routes, ...routes];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
