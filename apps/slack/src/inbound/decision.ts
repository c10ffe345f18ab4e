import type { Inbound } from "@parley/core";

/** Whether a Slack event is something the bot answers, and if not, why (for debug logs). */
export type InboundDecision = { answer: true; inbound: Inbound } | { answer: false; reason: string };

export const SLACK_CHANNEL_NAME = "slack";

/** Interlocutor scope: one person in one workspace. */
export function slackUserId(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}

/** Same id for a message whether it arrives as `message.im` or `app_mention`, so the gateway dedupes it. */
export function slackMessageId(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}
