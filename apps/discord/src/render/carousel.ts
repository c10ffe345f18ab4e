// Carousel -> one embed per card, each card's buttons on its own row(s); packing into messages
// (10 embeds, 5 rows each) happens in compose.ts, so a long carousel continues in further messages.
import type { Card } from "@parley/core";
import type { ButtonContext } from "./buttons.js";
import { type Attachment, renderCard } from "./card.js";

export function renderCarousel(cards: Card[], ctx: ButtonContext): Attachment[] {
  return cards.map((card) => renderCard(card, ctx));
}
