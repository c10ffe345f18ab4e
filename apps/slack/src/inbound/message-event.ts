// Who is answered: direct messages, and in channels only mentions of the bot.
import { type InboundDecision, SLACK_CHANNEL_NAME, slackMessageId, slackUserId } from "./decision.js";
import { slackToPlain, stripMention } from "./slack-text.js";

/** The fields of a `message` / `app_mention` event this channel reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  edited?: unknown;
}

export interface MessageContext {
  /** The workspace the event came from (envelope `team_id`). */
  teamId: string;
  /** The bot's own user id (from auth.test), to strip its mention and skip its own messages. */
  botUserId?: string;
}

export function messageEventToInbound(event: SlackMessageEvent, ctx: MessageContext): InboundDecision {
  if (event.subtype) return { answer: false, reason: `subtype ${event.subtype}` };
  if (event.bot_id || !event.user) return { answer: false, reason: "bot message" };
  if (event.user === ctx.botUserId) return { answer: false, reason: "own message" };
  if (event.edited) return { answer: false, reason: "edit" };

  const isDm =
    event.channel_type === "im" || (event.channel_type === undefined && event.channel.startsWith("D"));
  if (event.type === "message" && !isDm) return { answer: false, reason: "channel message without mention" };
  // A mention inside a DM also arrives as a plain DM message, which is the one answered.
  if (event.type === "app_mention" && isDm) return { answer: false, reason: "mention in a DM" };
  if (event.type !== "message" && event.type !== "app_mention") {
    return { answer: false, reason: `event ${event.type}` };
  }

  const text = slackToPlain(stripMention(event.text ?? "", ctx.botUserId));
  if (!text) return { answer: false, reason: "empty text" };

  return {
    answer: true,
    inbound: {
      channel: SLACK_CHANNEL_NAME,
      userId: slackUserId(ctx.teamId, event.user),
      conversationId: event.channel,
      messageId: slackMessageId(event.channel, event.ts),
      text,
      replyTo: event.ts,
      ...(event.thread_ts ? { meta: { thread_ts: event.thread_ts } } : {}),
    },
  };
}
