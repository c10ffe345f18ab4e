// A Reply -> the Discord messages (and pauses) that show it, in order, within Discord's limits.
import type { Reply, ReplyPart } from "@parley/core";
import type { APIEmbed } from "discord.js";
import { type ButtonContext, type ButtonRow, renderButtonRows, renderQuickReplyRows } from "./buttons.js";
import { type Attachment, renderCard, renderImage } from "./card.js";
import { renderCarousel } from "./carousel.js";
import { Limits } from "./limits.js";
import { renderLink, renderList, renderVideo } from "./markdown.js";
import type { PostbackCodec } from "./postbacks.js";
import { escapeText, splitText } from "./text.js";

export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
}

export type OutgoingStep = { kind: "message"; message: OutgoingMessage } | { kind: "delay"; seconds: number };

/** Text and attachments gathered for one stretch of a reply message. */
interface Draft {
  text: string[];
  attachments: Attachment[];
}

export function renderReply(reply: Reply, codec: PostbackCodec): OutgoingStep[] {
  const steps: OutgoingStep[] = [];
  // Each entry of reply.messages (a <split/>) starts at least one new Discord message.
  for (const parts of reply.messages) steps.push(...renderParts(parts, { codec, used: new Set() }));
  return steps;
}

function renderParts(parts: ReplyPart[], ctx: ButtonContext): OutgoingStep[] {
  const steps: OutgoingStep[] = [];
  let draft: Draft = { text: [], attachments: [] };
  const flush = () => {
    for (const message of draftToMessages(draft)) steps.push({ kind: "message", message });
    draft = { text: [], attachments: [] };
  };
  // Discord shows content above embeds and components, so text that follows an attachment starts a new message.
  const addText = (text: string) => {
    if (draft.attachments.length > 0) flush();
    if (text) draft.text.push(text);
  };

  for (const part of parts) {
    switch (part.type) {
      case "text":
        addText(escapeText(part.text));
        break;
      case "link":
        addText(renderLink(part.text, part.url));
        break;
      case "list":
        addText(renderList(part.ordered, part.items));
        break;
      case "video":
        addText(renderVideo(part.url));
        break;
      case "buttons":
        addText(escapeText(part.text ?? ""));
        draft.attachments.push({ embeds: [], rows: renderButtonRows(part.buttons, ctx) });
        break;
      case "quickReplies":
        addText(escapeText(part.text ?? ""));
        draft.attachments.push({ embeds: [], rows: renderQuickReplyRows(part.replies, ctx) });
        break;
      case "image":
        draft.attachments.push(renderImage(part.url));
        break;
      case "card":
        draft.attachments.push(renderCard(part.card, ctx));
        break;
      case "carousel":
        draft.attachments.push(...renderCarousel(part.cards, ctx));
        break;
      case "delay":
        flush();
        steps.push({ kind: "delay", seconds: part.seconds });
        break;
      default:
        // A part kind added to the core later is skipped rather than failing the whole reply.
        skipUnknown(part);
    }
  }
  flush();
  return steps;
}

function draftToMessages(draft: Draft): OutgoingMessage[] {
  const chunks = splitText(draft.text.join("\n"));
  const packs = pack(draft.attachments);
  const messages: OutgoingMessage[] = chunks.slice(0, -1).map((content) => ({ content }));
  const last = chunks.at(-1);
  if (packs.length === 0) {
    if (last) messages.push({ content: last });
    return messages;
  }
  packs.forEach((p, i) => {
    const message: OutgoingMessage = {};
    if (i === 0 && last) message.content = last;
    if (p.embeds.length) message.embeds = p.embeds;
    if (p.rows.length) message.components = p.rows;
    messages.push(message);
  });
  return messages;
}

/** Packs attachments into as few messages as Discord's embed and row limits allow, keeping order. */
function pack(attachments: Attachment[]): Attachment[] {
  const packs: Attachment[] = [];
  let current: Attachment = { embeds: [], rows: [] };
  let chars = 0;
  const next = () => {
    if (current.embeds.length || current.rows.length) packs.push(current);
    current = { embeds: [], rows: [] };
    chars = 0;
  };
  for (const attachment of attachments) {
    // More rows than one message holds (over 25 buttons) continue in messages of their own.
    const rowGroups: ButtonRow[][] = [];
    for (let i = 0; i < attachment.rows.length; i += Limits.rowsPerMessage) {
      rowGroups.push(attachment.rows.slice(i, i + Limits.rowsPerMessage));
    }
    const firstRows = rowGroups.shift() ?? [];
    const size = attachment.embeds.reduce((n, e) => n + embedChars(e), 0);
    if (
      current.embeds.length + attachment.embeds.length > Limits.embedsPerMessage ||
      current.rows.length + firstRows.length > Limits.rowsPerMessage ||
      chars + size > Limits.embedCharsPerMessage
    ) {
      next();
    }
    current.embeds.push(...attachment.embeds);
    current.rows.push(...firstRows);
    chars += size;
    for (const rows of rowGroups) {
      next();
      current.rows.push(...rows);
    }
  }
  next();
  return packs;
}

function embedChars(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
}

function skipUnknown(_part: never): void {}
