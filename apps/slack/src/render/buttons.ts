// The Slack rendering of buttons and quick replies: an actions block under the text.
// A postback button's click comes back as block_actions with the postback as `value`.
import type { Button } from "@parley/core";
import type { types } from "@slack/bolt";
import { postbackActionId, urlActionId } from "./action-ids.js";
import { ACTIONS_ELEMENTS_MAX, BUTTON_TEXT_MAX, BUTTON_URL_MAX, BUTTON_VALUE_MAX } from "./limits.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { renderText } from "./text.js";
import type { ActionCounter, RenderedUnit, SlackBlock } from "./unit.js";
import { truncate } from "./unit.js";

export function buttonElement(button: Button, ids: ActionCounter): types.Button {
  const label = button.text || button.postback || "Open";
  const text = { type: "plain_text" as const, text: truncate(label, BUTTON_TEXT_MAX), emoji: true };
  if (button.url && !button.postback) {
    return {
      type: "button",
      text,
      action_id: urlActionId(ids.next()),
      url: button.url.slice(0, BUTTON_URL_MAX),
    };
  }
  const value = (button.postback ?? button.text).slice(0, BUTTON_VALUE_MAX);
  return { type: "button", text, action_id: postbackActionId(ids.next()), value };
}

/** Actions blocks (25 buttons at most each) for a row of buttons. */
export function actionsBlocks(buttons: Button[], ids: ActionCounter): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += ACTIONS_ELEMENTS_MAX) {
    const elements = buttons.slice(i, i + ACTIONS_ELEMENTS_MAX).map((b) => buttonElement(b, ids));
    blocks.push({ type: "actions", elements });
  }
  return blocks;
}

export function buttonsFallback(buttons: Button[]): string {
  return buttons.map((b) => `[${escapeMrkdwn(b.text)}]`).join(" ");
}

/** The text (split if long) with the buttons kept in the same message as its last piece. */
export function renderButtons(
  text: string | undefined,
  buttons: Button[],
  ids: ActionCounter,
): RenderedUnit[] {
  const units = renderText(text ?? "");
  if (buttons.length === 0) return units;
  const last = units.pop();
  const fallback = buttonsFallback(buttons);
  units.push({
    blocks: [...(last?.blocks ?? []), ...actionsBlocks(buttons, ids)],
    fallback: last ? `${last.fallback}\n${fallback}` : fallback,
    size: (last?.size ?? 0) + fallback.length,
  });
  return units;
}
