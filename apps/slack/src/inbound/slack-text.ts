// Slack message text -> what the bot reads: no bot mention, Slack's markup turned back into plain text.

/** Removes the bot's own mention (`<@U123>` or `<@U123|name>`); without a known id, a leading mention. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const pattern = botUserId
    ? new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, "g")
    : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(pattern, " ");
}

/** Links, channel and user references become their label; Slack's three escapes are undone. */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, "$2")
    .replace(/<(?:mailto:)?([^<>|@#!][^<>]*)>/g, "$1")
    .replace(/<[@#!][^<>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
