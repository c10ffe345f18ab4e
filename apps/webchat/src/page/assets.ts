// The page's static files, shipped in the package's public/ folder and read once at start.
import { readFileSync } from "node:fs";

// Same depth from src/page/ and dist/page/: both reach the package's public/ folder.
const PUBLIC_DIR = new URL("../../public/", import.meta.url);

export interface Asset {
  body: Buffer;
  type: string;
}

function load(name: string, type: string): Asset {
  return { body: readFileSync(new URL(name, PUBLIC_DIR)), type };
}

export interface PageAssets {
  /** index.html, with the title and text limit filled in. */
  page: Asset;
  /** Files under /webchat/, by name. */
  files: ReadonlyMap<string, Asset>;
}

export function loadAssets(settings: { title: string; maxText: number }): PageAssets {
  const template = readFileSync(new URL("index.html", PUBLIC_DIR), "utf8");
  const html = template
    .replaceAll("{{TITLE}}", escapeHtml(settings.title))
    .replaceAll("{{MAX_TEXT}}", String(settings.maxText));
  return {
    page: { body: Buffer.from(html), type: "text/html; charset=utf-8" },
    files: new Map([
      ["webchat.js", load("webchat.js", "text/javascript; charset=utf-8")],
      ["webchat.css", load("webchat.css", "text/css; charset=utf-8")],
      ["icon.svg", load("icon.svg", "image/svg+xml")],
    ]),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
