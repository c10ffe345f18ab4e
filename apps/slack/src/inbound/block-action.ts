// A button click (block_actions) becomes the person's next input: the button's postback.
import { isPostbackAction } from "../render/action-ids.js";
import { type InboundDecision, SLACK_CHANNEL_NAME, slackUserId } from "./decision.js";

/** The fields of a block_actions payload this channel reads. */
export interface SlackBlockActionBody {
  team?: { id: string } | null;
  enterprise?: { id: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string };
}

export interface SlackButtonAction {
  type: string;
  action_id: string;
  action_ts: string;
  value?: string;
}

export function blockActionToInbound(body: SlackBlockActionBody, action: SlackButtonAction): InboundDecision {
  if (action.type !== "button" || !isPostbackAction(action.action_id)) {
    return { answer: false, reason: "not a postback button (URL buttons just open their link)" };
  }
  if (!action.value) return { answer: false, reason: "button without value" };
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const teamId = body.team?.id ?? body.user.team_id ?? body.enterprise?.id;
  if (!channelId || !teamId) return { answer: false, reason: "click outside a conversation" };
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts;

  return {
    answer: true,
    inbound: {
      channel: SLACK_CHANNEL_NAME,
      userId: slackUserId(teamId, body.user.id),
      conversationId: channelId,
      messageId: `${channelId}:action:${action.action_ts}`,
      text: action.value,
      ...(threadTs ? { meta: { thread_ts: threadTs } } : {}),
    },
  };
}
