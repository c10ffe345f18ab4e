// "<@123> hello" -> "hello": the bot's own mention is removed from what the bot reads.

export function stripBotMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}
