// The Teams rendering of an image: an attachment Teams shows inline.
import type { Attachment } from "botbuilder";

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
};

export function imageAttachment(url: string): Attachment {
  let ext = "";
  try {
    ext = new URL(url).pathname.split(".").pop()?.toLowerCase() ?? "";
  } catch {
    // Not a URL the renderer can read; Teams decides.
  }
  const name = url.split("/").pop()?.split("?")[0] || "image";
  return { contentType: TYPES[ext] ?? "image/*", contentUrl: url, name };
}
