// The Teams rendering of a card and of a row of buttons: a hero card attachment.
import type { Button, Card } from "@parley/core";
import { type Attachment, CardFactory } from "botbuilder";
import { buttonAction } from "./actions.js";
import { MAX_CARD_BUTTONS } from "./limits.js";

export function cardAttachment(card: Card): Attachment {
  const content: Record<string, unknown> = {};
  if (card.title) content.title = card.title;
  if (card.subtitle) content.subtitle = card.subtitle;
  if (card.image) content.images = [{ url: card.image }];
  if (card.buttons.length) content.buttons = actions(card.buttons);
  return { contentType: CardFactory.contentTypes.heroCard, content };
}

/** Buttons under an optional text: a hero card with only text and buttons. */
export function buttonsAttachment(text: string | undefined, buttons: readonly Button[]): Attachment {
  const content: Record<string, unknown> = { buttons: actions(buttons) };
  if (text) content.text = text;
  return { contentType: CardFactory.contentTypes.heroCard, content };
}

function actions(buttons: readonly Button[]) {
  return buttons.slice(0, MAX_CARD_BUTTONS).map(buttonAction);
}
