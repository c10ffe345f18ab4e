// A Reply as the activities Teams shows, in order: each `<split/>` message becomes one or more message
// activities (text as Markdown, then attachments), a `<delay>` becomes a pause (shown as typing).
import type { Reply, ReplyPart } from "@parley/core";
import type { Activity, Attachment, CardAction } from "botbuilder";
import type { ConversationKind } from "../inbound/address-meta.js";
import { quickReplyAction } from "./actions.js";
import { buttonsAttachment, cardAttachment } from "./hero-card.js";
import { imageAttachment } from "./image.js";
import { MAX_CAROUSEL_CARDS, MAX_DELAY_SECONDS, MAX_TEXT_CHARS } from "./limits.js";
import { chunkText, escapeMarkdown, linkMarkdown, listMarkdown } from "./markdown.js";

export type TeamsStep =
  | { kind: "activity"; activity: Partial<Activity> }
  | { kind: "delay"; seconds: number };

export interface RenderTarget {
  /** Suggested actions only exist in personal chats; elsewhere quick replies become card buttons. */
  conversationType: ConversationKind;
  /** The Teams user id the suggested actions are shown to. */
  userId?: string;
}

export function renderReply(reply: Reply, target: RenderTarget): TeamsStep[] {
  return reply.messages.flatMap((message) => renderMessage(message, target));
}

function renderMessage(parts: readonly ReplyPart[], target: RenderTarget): TeamsStep[] {
  const steps: TeamsStep[] = [];
  let texts: string[] = [];
  let attachments: Attachment[] = [];
  let carousel = false;
  let suggested: CardAction[] = [];

  const flush = () => {
    if (!texts.length && !attachments.length) return;
    const chunks = chunkText(texts.join("\n\n"), MAX_TEXT_CHARS);
    const last = chunks.pop();
    for (const chunk of chunks) steps.push(message({ text: chunk }));
    const activity: Partial<Activity> = {};
    if (last) activity.text = last;
    if (attachments.length) activity.attachments = attachments;
    if (carousel) activity.attachmentLayout = "carousel";
    steps.push(message(activity));
    texts = [];
    attachments = [];
    carousel = false;
  };
  // Text after an attachment starts a new activity: Teams always shows text above attachments.
  const addText = (text: string) => {
    if (attachments.length) flush();
    texts.push(text);
  };

  for (const part of parts) {
    switch (part.type) {
      case "text":
        if (part.text.trim()) addText(escapeMarkdown(part.text));
        break;
      case "link":
        addText(linkMarkdown(part.text, part.url));
        break;
      case "list":
        if (part.items.length) addText(listMarkdown(part.ordered, part.items));
        break;
      case "video":
        addText(linkMarkdown(part.url, part.url));
        break;
      case "image":
        attachments.push(imageAttachment(part.url));
        break;
      case "buttons":
        attachments.push(buttonsAttachment(part.text, part.buttons));
        break;
      case "card":
        attachments.push(cardAttachment(part.card));
        break;
      case "carousel":
        flush();
        attachments = part.cards.slice(0, MAX_CAROUSEL_CARDS).map(cardAttachment);
        carousel = true;
        flush();
        break;
      case "quickReplies":
        if (target.conversationType === "personal") {
          if (part.text) addText(escapeMarkdown(part.text));
          suggested = part.replies.map(quickReplyAction);
        } else {
          attachments.push(buttonsAttachment(part.text, part.replies));
        }
        break;
      case "delay":
        flush();
        steps.push({ kind: "delay", seconds: Math.min(Math.max(part.seconds, 0), MAX_DELAY_SECONDS) });
        break;
    }
  }
  flush();

  if (suggested.length) {
    const lastActivity = steps.findLast((s) => s.kind === "activity");
    const actions = { actions: suggested, to: target.userId ? [target.userId] : [] };
    if (lastActivity?.kind === "activity") lastActivity.activity.suggestedActions = actions;
    else steps.push(message({ text: "", suggestedActions: actions }));
  }
  return steps;
}

function message(fields: Partial<Activity>): TeamsStep {
  return { kind: "activity", activity: { type: "message", textFormat: "markdown", ...fields } };
}
