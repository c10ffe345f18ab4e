// Decides which Teams activities the bot answers, and turns them into the gateway's Inbound:
// personal chats always; channels and group chats only when the bot is @mentioned (mention removed);
// a button press (messageBack) wherever it happens; the greeting when the bot joins a conversation.
import type { Inbound } from "@parley/core";
import type { Activity } from "botbuilder";
import { conversationKind, metaFromActivity } from "./address-meta.js";
import { mentionsBot, stripBotMentions } from "./mentions.js";

export type InboundDecision = { answer: true; inbound: Inbound } | { answer: false; reason: string };

/** The key our messageBack buttons put in `value`, so a press is recognised in any conversation. */
export const POSTBACK_KEY = "parleyPostback";

const RESET_COMMAND = "/reset";

export function messageToInbound(activity: Partial<Activity>): InboundDecision {
  const botId = activity.recipient?.id ?? "";
  if (activity.from?.id && activity.from.id === botId) return { answer: false, reason: "own message" };
  if (!activity.conversation?.id) return { answer: false, reason: "no conversation" };

  const postback = postbackOf(activity);
  let text: string;
  if (postback !== undefined) {
    text = postback;
  } else {
    const kind = conversationKind(activity);
    if (kind !== "personal" && !mentionsBot(activity, botId)) {
      return { answer: false, reason: `${kind} message without a mention of the bot` };
    }
    text = stripBotMentions(activity.text ?? "", activity, botId);
  }
  text = normalize(text);
  if (!text) return { answer: false, reason: "no text" };

  const resetSession = text.toLowerCase() === RESET_COMMAND;
  return {
    answer: true,
    inbound: { ...base(activity, activity.id), text, ...(resetSession ? { resetSession } : {}) },
  };
}

/** A `conversationUpdate` that adds the bot becomes the greeting input; anything else is ignored. */
export function conversationUpdateToInbound(activity: Partial<Activity>, greeting: string): InboundDecision {
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  if (!botId || !added.some((m) => m.id === botId)) return { answer: false, reason: "bot not added" };
  if (!activity.conversation?.id) return { answer: false, reason: "no conversation" };
  // Teams gives the install event an id; the fallback still dedupes a redelivery of the same install.
  const id = activity.id ?? `added:${activity.conversation.id}`;
  return { answer: true, inbound: { ...base(activity, id), text: greeting } };
}

function base(activity: Partial<Activity>, id: string | undefined): Omit<Inbound, "text"> {
  const from = activity.from;
  const inbound: Omit<Inbound, "text"> = {
    channel: "teams",
    // The AAD object id is the same person across chats and teams; the Teams user id is per bot.
    userId: from?.aadObjectId || from?.id || "unknown",
    conversationId: activity.conversation?.id ?? "",
    messageId: id ?? `${activity.conversation?.id}:${activity.timestamp ?? Date.now()}`,
    meta: metaFromActivity(activity),
  };
  if (activity.id) inbound.replyTo = activity.id;
  const profile: Inbound["profile"] = {};
  if (from?.name) profile.name = from.name;
  if (activity.locale) profile.locale = activity.locale;
  if (profile.name || profile.locale) inbound.profile = profile;
  return inbound;
}

function postbackOf(activity: Partial<Activity>): string | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  const postback = value && typeof value === "object" ? value[POSTBACK_KEY] : undefined;
  return typeof postback === "string" ? postback : undefined;
}

function normalize(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
