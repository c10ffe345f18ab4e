// Channel-neutral reply model: what the rich-reply parser produces and every channel renders.

export interface Button {
  text: string;
  /** Sent back to the bot as the person's input when pressed. */
  postback?: string;
  /** Opened in the browser when pressed (a URL button has no postback). */
  url?: string;
}

export interface Card {
  title?: string;
  subtitle?: string;
  image?: string;
  buttons: Button[];
}

export type ReplyPart =
  | { type: "text"; text: string }
  | { type: "buttons"; text?: string; buttons: Button[] }
  | { type: "quickReplies"; text?: string; replies: Button[] }
  | { type: "image"; url: string }
  | { type: "video"; url: string }
  | { type: "card"; card: Card }
  | { type: "carousel"; cards: Card[] }
  | { type: "link"; text: string; url: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "delay"; seconds: number };

export type ReplyPartType = ReplyPart["type"];

/** One entry per outgoing message; `<split/>` in the bot's answer starts a new one. */
export interface Reply {
  messages: ReplyPart[][];
}
