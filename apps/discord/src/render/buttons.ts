// Buttons and quick replies -> message components: postback buttons, and link buttons for URLs.
import type { Button } from "@parley/core";
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import { isWebUrl, Limits, truncate } from "./limits.js";
import type { PostbackCodec } from "./postbacks.js";

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface ButtonContext {
  codec: PostbackCodec;
  /** custom_ids already used in the message being built. */
  used: Set<string>;
}

type PostbackStyle = ButtonStyle.Primary | ButtonStyle.Secondary;

export function renderButton(
  button: Button,
  ctx: ButtonContext,
  style: PostbackStyle = ButtonStyle.Primary,
): APIButtonComponent {
  const label = truncate(button.text.trim() || button.postback || button.url || "…", Limits.buttonLabel);
  if (button.url !== undefined && isWebUrl(button.url)) {
    return { type: ComponentType.Button, style: ButtonStyle.Link, label, url: button.url };
  }
  // A bare button (no postback, no usable URL) sends its own text, as in AIML's <button>X</button>.
  const postback = button.postback ?? button.text;
  return { type: ComponentType.Button, style, label, custom_id: ctx.codec.encode(postback, ctx.used) };
}

/** Rows of up to five buttons each, in the given order. */
export function renderButtonRows(
  buttons: Button[],
  ctx: ButtonContext,
  style: PostbackStyle = ButtonStyle.Primary,
): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += Limits.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + Limits.buttonsPerRow).map((b) => renderButton(b, ctx, style)),
    });
  }
  return rows;
}

/** Discord has no quick replies: they become secondary-style buttons that send their postback. */
export function renderQuickReplyRows(replies: Button[], ctx: ButtonContext): ButtonRow[] {
  return renderButtonRows(replies, ctx, ButtonStyle.Secondary);
}
