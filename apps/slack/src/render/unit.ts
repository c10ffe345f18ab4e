// What each part renderer produces: blocks that must stay in one message, and their plain fallback.
import type { types } from "@slack/bolt";

export type SlackBlock = types.KnownBlock;

export interface RenderedUnit {
  blocks: SlackBlock[];
  /** mrkdwn for the message's `text` (notifications, clients without Block Kit). */
  fallback: string;
  /** Characters this unit adds to the message, counted against MESSAGE_TEXT_MAX. */
  size: number;
}

/** Hands out action ids unique within one rendered reply. */
export class ActionCounter {
  #n = 0;
  next(): number {
    this.#n += 1;
    return this.#n;
  }
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

export function mrkdwnSection(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}
