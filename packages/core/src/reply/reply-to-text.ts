// Plain-text rendering of a Reply: `parley chat`, logs, and channels that cannot show a part natively.
import type { Button, Card, Reply, ReplyPart } from "../types/index.js";

export function replyToText(reply: Reply): string {
  return reply.messages.map(messageToText).filter(Boolean).join("\n\n");
}

export function messageToText(parts: readonly ReplyPart[]): string {
  return parts.map(partToText).filter(Boolean).join("\n");
}

export function partToText(part: ReplyPart): string {
  switch (part.type) {
    case "text":
      return part.text;
    case "buttons":
      return withPrompt(part.text, buttonsToText(part.buttons));
    case "quickReplies":
      return withPrompt(part.text, buttonsToText(part.replies));
    case "image":
    case "video":
      return part.url;
    case "link":
      return part.text === part.url ? part.url : `${part.text}: ${part.url}`;
    case "card":
      return cardToText(part.card);
    case "carousel":
      return part.cards.map(cardToText).join("\n\n");
    case "list":
      return part.items.map((item, i) => `${part.ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
    case "delay":
      return "";
  }
}

export function buttonToText(button: Button): string {
  return button.url && button.url !== button.text ? `[${button.text}] ${button.url}` : `[${button.text}]`;
}

function buttonsToText(buttons: readonly Button[]): string {
  return buttons.map(buttonToText).join(" ");
}

function cardToText(card: Card): string {
  return [
    card.title,
    card.subtitle,
    card.image,
    card.buttons.length ? buttonsToText(card.buttons) : undefined,
  ]
    .filter(Boolean)
    .join("\n");
}

function withPrompt(prompt: string | undefined, rest: string): string {
  return prompt ? `${prompt}\n${rest}` : rest;
}
