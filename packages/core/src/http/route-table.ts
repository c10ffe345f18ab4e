// Matches raw channel routes ("exact" or "/prefix/*") against a request.
import { ParleyError } from "../errors/index.js";
import type { HttpRoute } from "../types/index.js";

/** Paths the listener serves itself; channels cannot take them. */
export const RESERVED_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

export type RouteMatch =
  | { kind: "found"; route: HttpRoute }
  | { kind: "wrong-method"; allow: string[] }
  | undefined;

export class RouteTable {
  private readonly routes: HttpRoute[] = [];

  add(routes: readonly HttpRoute[]): void {
    for (const route of routes) {
      if (!route.path.startsWith("/")) {
        throw new ParleyError("HTTP_ROUTE_INVALID", `Route path "${route.path}" must start with "/"`);
      }
      if (RESERVED_PATHS.some((reserved) => matchesPath(route.path, reserved))) {
        throw new ParleyError(
          "HTTP_ROUTE_CONFLICT",
          `Route ${route.method} ${route.path} would hide ${RESERVED_PATHS.join(", ")}`,
        );
      }
      if (this.routes.some((r) => r.method === route.method && r.path === route.path)) {
        throw new ParleyError(
          "HTTP_ROUTE_CONFLICT",
          `Two channels both serve ${route.method} ${route.path}`,
          {
            hint: "Give each channel its own path prefix.",
          },
        );
      }
      this.routes.push(route);
    }
    // Exact paths first, then longer prefixes: the most specific route wins.
    this.routes.sort((a, b) => specificity(b.path) - specificity(a.path));
  }

  match(method: string, path: string): RouteMatch {
    const onPath = this.routes.filter((route) => matchesPath(route.path, path));
    if (onPath.length === 0) return undefined;
    const wanted = method === "HEAD" ? "GET" : method;
    const route = onPath.find((r) => r.method === wanted);
    if (route) return { kind: "found", route };
    return { kind: "wrong-method", allow: [...new Set(onPath.map((r) => r.method))] };
  }
}

function matchesPath(pattern: string, path: string): boolean {
  if (!pattern.endsWith("/*")) return pattern === path;
  const base = pattern.slice(0, -2);
  return path === base || path.startsWith(`${base}/`);
}

function specificity(pattern: string): number {
  return pattern.endsWith("/*") ? pattern.length : 100_000 + pattern.length;
}
