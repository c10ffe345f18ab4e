// A channel-neutral Reply -> the Slack messages to post, in order, with the waits between them.
import type { Reply, ReplyPart } from "@parley/core";
import { renderButtons } from "./buttons.js";
import { renderCard, renderCarousel } from "./card.js";
import { renderImage } from "./image.js";
import { BLOCKS_PER_MESSAGE_MAX, MESSAGE_TEXT_MAX } from "./limits.js";
import { renderLink, renderList, renderVideo } from "./link-list.js";
import { renderText } from "./text.js";
import { ActionCounter, type RenderedUnit, type SlackBlock } from "./unit.js";

export type SlackStep = { kind: "post"; text: string; blocks: SlackBlock[] } | { kind: "wait"; ms: number };

/** A bot asking for minutes of "typing" is a mistake; cap it. */
const MAX_DELAY_SECONDS = 30;

export function renderReply(reply: Reply): SlackStep[] {
  const ids = new ActionCounter();
  const steps: SlackStep[] = [];
  for (const message of reply.messages) {
    let units: RenderedUnit[] = [];
    for (const part of message) {
      if (part.type === "delay") {
        steps.push(...packMessages(units));
        units = [];
        const seconds = Math.min(Math.max(part.seconds, 0), MAX_DELAY_SECONDS);
        if (seconds > 0) steps.push({ kind: "wait", ms: seconds * 1000 });
        continue;
      }
      units.push(...renderPart(part, ids));
    }
    steps.push(...packMessages(units));
  }
  return steps;
}

function renderPart(part: Exclude<ReplyPart, { type: "delay" }>, ids: ActionCounter): RenderedUnit[] {
  switch (part.type) {
    case "text":
      return renderText(part.text);
    case "buttons":
      return renderButtons(part.text, part.buttons, ids);
    case "quickReplies":
      return renderButtons(part.text, part.replies, ids);
    case "image":
      return renderImage(part.url);
    case "video":
      return renderVideo(part.url);
    case "card":
      return [renderCard(part.card, ids)];
    case "carousel":
      return renderCarousel(part.cards, ids);
    case "link":
      return renderLink(part.text, part.url);
    case "list":
      return renderList(part.ordered, part.items);
    default: {
      const unknown: never = part;
      return renderText(String((unknown as { text?: unknown }).text ?? ""));
    }
  }
}

/** Fills each Slack message up to the block and text limits; a unit never straddles two messages. */
function packMessages(units: RenderedUnit[]): SlackStep[] {
  const posts: SlackStep[] = [];
  let blocks: SlackBlock[] = [];
  let fallbacks: string[] = [];
  let size = 0;
  const flush = () => {
    if (blocks.length > 0) posts.push({ kind: "post", text: fallbacks.join("\n"), blocks });
    blocks = [];
    fallbacks = [];
    size = 0;
  };
  for (const unit of units) {
    if (unit.blocks.length === 0) continue;
    if (blocks.length + unit.blocks.length > BLOCKS_PER_MESSAGE_MAX || size + unit.size > MESSAGE_TEXT_MAX)
      flush();
    const unitBlocks =
      blocks.length === 0 && unit.blocks[0]?.type === "divider" ? unit.blocks.slice(1) : unit.blocks;
    blocks.push(...unitBlocks);
    if (unit.fallback) fallbacks.push(unit.fallback);
    size += unit.size;
  }
  flush();
  return posts;
}
