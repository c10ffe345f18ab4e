// "<@123> hello" -> "hello": the bot's own mention (user or managed role) is removed from what the bot reads.

export function stripBotMention(content: string, botId: string, botRoleId?: string): string {
  let text = content.replace(new RegExp(`<@!?${botId}>`, "g"), " ");
  if (botRoleId) text = text.replace(new RegExp(`<@&${botRoleId}>`, "g"), " ");
  return text.replace(/\s+/g, " ").trim();
}
