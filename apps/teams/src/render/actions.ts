// Buttons as Teams card actions. A postback button is a messageBack: Teams shows the label as the
// person's message and hands the bot the postback (also in `value`, so a press in a channel is
// recognised without an @mention). A URL button is openUrl.
import type { Button } from "@parley/core";
import { ActionTypes, type CardAction } from "botbuilder";
import { POSTBACK_KEY } from "../inbound/activity-to-inbound.js";

export function buttonAction(button: Button): CardAction {
  if (button.url) return { type: ActionTypes.OpenUrl, title: button.text, value: button.url };
  const postback = button.postback ?? button.text;
  return {
    type: ActionTypes.MessageBack,
    title: button.text,
    text: postback,
    displayText: button.text,
    value: { [POSTBACK_KEY]: postback },
  };
}

/** A quick reply as a suggested action: imBack posts the postback as the person's own message. */
export function quickReplyAction(reply: Button): CardAction {
  if (reply.url) return { type: ActionTypes.OpenUrl, title: reply.text, value: reply.url };
  return { type: ActionTypes.ImBack, title: reply.text, value: reply.postback ?? reply.text };
}
