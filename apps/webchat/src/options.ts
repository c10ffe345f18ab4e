import type { Logger } from "@parley/core";

export interface WebchatOptions {
  /** Longest message a person may send, in characters. Default 2000 (the Pandorabots input limit). */
  maxText?: number;
  /** Title of the chat page. Default "Parley". */
  title?: string;
  logger?: Logger;
}

export const WEBCHAT_DEFAULTS = { maxText: 2000, title: "Parley" } as const;

/** Paths the channel serves on the gateway's listener. */
export const WEBCHAT_PATHS = {
  page: "/",
  assets: "/webchat/*",
  messages: "/api/webchat/messages",
} as const;
