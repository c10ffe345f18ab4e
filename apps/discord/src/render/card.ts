// Image and card -> embeds (title, description, image), a card's buttons as components below.
import type { Card } from "@parley/core";
import type { APIEmbed } from "discord.js";
import { type ButtonContext, type ButtonRow, renderButtonRows } from "./buttons.js";
import { isWebUrl, Limits, truncate } from "./limits.js";
import { escapeText } from "./text.js";

/** Embeds and the component rows that belong with them; kept together when packed into messages. */
export interface Attachment {
  embeds: APIEmbed[];
  rows: ButtonRow[];
}

export function renderImage(url: string): Attachment {
  // A non-web URL cannot be an embed image; show it as text rather than fail the whole message.
  if (!isWebUrl(url)) return { embeds: [{ description: escapeText(url) }], rows: [] };
  return { embeds: [{ image: { url } }], rows: [] };
}

export function renderCard(card: Card, ctx: ButtonContext): Attachment {
  const embed: APIEmbed = {};
  if (card.title) embed.title = truncate(card.title, Limits.embedTitle);
  if (card.subtitle) embed.description = truncate(escapeText(card.subtitle), Limits.embedDescription);
  if (isWebUrl(card.image)) embed.image = { url: card.image };
  const hasContent = Object.keys(embed).length > 0;
  return { embeds: hasContent ? [embed] : [], rows: renderButtonRows(card.buttons, ctx) };
}
