// What every channel hands the gateway, and where replies go back.

export interface Profile {
  name?: string;
  locale?: string;
}

/** Where a reply is delivered: the channel decodes its own `conversationId` (chat, channel+thread, DM). */
export interface Address {
  channel: string;
  conversationId: string;
  /** The platform message being answered, for threading / reply-to. */
  replyTo?: string;
  /** Channel-private routing data (e.g. Teams serviceUrl, Slack thread_ts); opaque to the core. */
  meta?: Record<string, string>;
}

export interface Inbound {
  /** "slack", "telegram", "discord", "teams", "webchat", ... */
  channel: string;
  /** Stable and scoped within the channel: slack "T123:U456", telegram "12345". */
  userId: string;
  conversationId: string;
  /** Platform message id, used for dedupe. */
  messageId: string;
  /** Plain text, bot mention stripped; button postbacks arrive as text. */
  text: string;
  profile?: Profile;
  replyTo?: string;
  meta?: Record<string, string>;
  /** Set by the channel when the person asked to start over (e.g. Telegram /reset). */
  resetSession?: boolean;
}
