// The Slack rendering of a card: a section with the title and subtitle, the image as its accessory,
// and the card's buttons underneath. A carousel is its cards one after another.
import type { Card } from "@parley/core";
import { actionsBlocks, buttonsFallback } from "./buttons.js";
import { imageBlock } from "./image.js";
import { ALT_TEXT_MAX, SECTION_TEXT_MAX } from "./limits.js";
import { escapeMrkdwn, mrkdwnBold } from "./mrkdwn.js";
import { type ActionCounter, type RenderedUnit, type SlackBlock, truncate } from "./unit.js";

export function renderCard(card: Card, ids: ActionCounter): RenderedUnit {
  const lines = [
    card.title ? mrkdwnBold(card.title) : "",
    card.subtitle ? escapeMrkdwn(card.subtitle) : "",
  ].filter(Boolean);
  const text = truncate(lines.join("\n"), SECTION_TEXT_MAX);
  const blocks: SlackBlock[] = [];
  if (text) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text },
      ...(card.image
        ? {
            accessory: {
              type: "image",
              image_url: card.image,
              alt_text: truncate(card.title || "image", ALT_TEXT_MAX),
            },
          }
        : {}),
    });
  } else if (card.image) {
    blocks.push(imageBlock(card.image, "image"));
  }
  blocks.push(...actionsBlocks(card.buttons, ids));
  const fallback = [text, buttonsFallback(card.buttons)].filter(Boolean).join("\n");
  return { blocks, fallback, size: fallback.length };
}

export function renderCarousel(cards: Card[], ids: ActionCounter): RenderedUnit[] {
  return cards.map((card, i) => {
    const unit = renderCard(card, ids);
    // A divider tells where one card ends when they share a message.
    return i === 0 ? unit : { ...unit, blocks: [{ type: "divider" }, ...unit.blocks] };
  });
}
