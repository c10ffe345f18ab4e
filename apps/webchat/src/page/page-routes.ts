// GET / (the chat page) and GET /webchat/<file> (its script, styles and icon).
import type { ServerResponse } from "node:http";
import type { HttpRoute } from "@parley/core";
import { sendError } from "../http/respond.js";
import { WEBCHAT_PATHS } from "../options.js";
import type { Asset, PageAssets } from "./assets.js";

// Bot content is rendered with DOM APIs, never as HTML; the policy is a second line of defence.
// Images and videos may come from anywhere the bot's AIML points to.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; media-src https: http: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function serve(res: ServerResponse, asset: Asset, method: string | undefined) {
  res.writeHead(200, {
    "content-type": asset.type,
    "content-length": asset.body.length,
    "cache-control": "no-cache",
    ...SECURITY_HEADERS,
  });
  res.end(method === "HEAD" ? undefined : asset.body);
}

export function pageRoutes(assets: PageAssets): HttpRoute[] {
  const prefix = WEBCHAT_PATHS.assets.slice(0, -1); // "/webchat/"
  return [
    {
      method: "GET",
      path: WEBCHAT_PATHS.page,
      handler: (req, res) => serve(res, assets.page, req.method),
    },
    {
      method: "GET",
      path: WEBCHAT_PATHS.assets,
      handler(req, res) {
        const path = (req.url ?? "").split(/[?#]/)[0] ?? "";
        const asset = path.startsWith(prefix) ? assets.files.get(path.slice(prefix.length)) : undefined;
        if (!asset) return sendError(res, 404, "Not found");
        serve(res, asset, req.method);
      },
    },
  ];
}
