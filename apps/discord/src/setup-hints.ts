// What a person setting the bot up needs to read in logs and in the start-up summary.
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from "discord.js";

export const MESSAGE_CONTENT_HINT =
  "the Message Content intent must be enabled in the Discord Developer Portal (your app -> Bot -> Privileged Gateway Intents -> Message Content Intent); without it Discord refuses the connection or delivers messages with empty content";

/** Permissions the bot needs in a server channel: see, read history, answer (with embeds), in threads too. */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]);

/** The OAuth2 link that adds the bot to a server with exactly those permissions. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: OAuth2Scopes.Bot,
    permissions: BOT_PERMISSIONS.bitfield.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}
