// The Slack rendering of an image: an image block.
import { ALT_TEXT_MAX, IMAGE_URL_MAX } from "./limits.js";
import { type RenderedUnit, type SlackBlock, truncate } from "./unit.js";

export function imageBlock(url: string, alt: string): SlackBlock {
  return {
    type: "image",
    image_url: url.slice(0, IMAGE_URL_MAX),
    alt_text: truncate(alt || "image", ALT_TEXT_MAX),
  };
}

export function renderImage(url: string): RenderedUnit[] {
  return [{ blocks: [imageBlock(url, "image")], fallback: "Image", size: 0 }];
}
