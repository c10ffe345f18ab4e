// Pictures and a video for the demo backend's rich answers, served by the test server itself so
// browser tests never fetch from the internet.
import type { HttpRoute } from "@parley/core";

export const DEMO_MEDIA_PATH = "/demo-media/";

const DOT_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#2557d6"/></svg>';

// Not a playable clip (no encoder on the test machine): the page's job is to show a player for the
// bot's URL, which is what the browser test checks.
const CLIP = Buffer.from("1a45dfa3", "hex");

const FILES = new Map<string, { type: string; body: Buffer }>([
  ["dot.svg", { type: "image/svg+xml", body: Buffer.from(DOT_SVG) }],
  ["clip.webm", { type: "video/webm", body: CLIP }],
]);

/** The URL of a demo media file on the server at `baseUrl`, e.g. demoMediaUrl(url, "clip.webm"). */
export function demoMediaUrl(baseUrl: string, file: "dot.svg" | "clip.webm"): string {
  return new URL(`${DEMO_MEDIA_PATH}${file}`, baseUrl).toString();
}

export function demoMediaRoutes(): HttpRoute[] {
  return [
    {
      method: "GET",
      path: `${DEMO_MEDIA_PATH}*`,
      handler(req, res) {
        const name = (req.url ?? "").split(/[?#]/)[0]?.slice(DEMO_MEDIA_PATH.length) ?? "";
        const file = FILES.get(name);
        if (!file) {
          res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
          return;
        }
        res.writeHead(200, { "content-type": file.type, "content-length": file.body.length });
        res.end(req.method === "HEAD" ? undefined : file.body);
      },
    },
  ];
}
