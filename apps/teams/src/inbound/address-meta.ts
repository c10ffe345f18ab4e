// What a reply needs to find its way back: the conversation reference, kept in `Address.meta`
// (flat strings, opaque to the core) and rebuilt when the gateway calls `send`.
import type { Activity, ConversationReference } from "botbuilder";

export type ConversationKind = "personal" | "channel" | "groupChat";

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === "channel" || type === "groupChat") return type;
  // Teams personal chats, and the Emulator / Web Chat which send no type.
  return "personal";
}

export function metaFromActivity(activity: Partial<Activity>): Record<string, string> {
  const meta: Record<string, string> = {
    serviceUrl: activity.serviceUrl ?? "",
    channelId: activity.channelId ?? "msteams",
    conversationType: conversationKind(activity),
    botId: activity.recipient?.id ?? "",
  };
  if (activity.recipient?.name) meta.botName = activity.recipient.name;
  if (activity.from?.id) meta.userId = activity.from.id;
  const tenantId =
    activity.conversation?.tenantId ?? (activity.channelData as ChannelData | undefined)?.tenant?.id;
  if (tenantId) meta.tenantId = tenantId;
  return meta;
}

interface ChannelData {
  tenant?: { id?: string };
}

/** The reference `continueConversationAsync` wants, from an Address. */
export function referenceFromAddress(
  conversationId: string,
  meta: Record<string, string> | undefined,
  replyTo: string | undefined,
): Partial<ConversationReference> {
  const m = meta ?? {};
  if (!m.serviceUrl)
    throw new TypeError("Teams address has no serviceUrl: it was not made by the Teams channel");
  const kind = (m.conversationType as ConversationKind | undefined) ?? "personal";
  return {
    channelId: m.channelId ?? "msteams",
    serviceUrl: m.serviceUrl,
    conversation: {
      id: conversationId,
      conversationType: kind,
      isGroup: kind !== "personal",
      name: "",
      ...(m.tenantId ? { tenantId: m.tenantId } : {}),
    },
    bot: { id: m.botId ?? "", name: m.botName ?? "" },
    ...(m.userId ? { user: { id: m.userId, name: "" } } : {}),
    ...(replyTo ? { activityId: replyTo } : {}),
  };
}
