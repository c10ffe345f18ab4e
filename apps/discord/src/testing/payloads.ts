// Raw gateway payloads shaped like Discord's, kept apart from the server that sends them.

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

/** Discord-style ids: increasing, unique within one fake. */
export function createSnowflakes(): () => string {
  let next = 1_300_000_000_000_000_000n;
  return () => {
    next += 1n;
    return next.toString();
  };
}

export function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: username, discriminator: "0", avatar: null, ...(bot ? { bot } : {}) };
}

export function member(u?: FakeUser): Record<string, unknown> {
  return {
    ...(u ? { user: u } : {}),
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: "0",
  };
}

export interface MessagePayloadInput {
  id: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  mentions?: FakeUser[];
  mentionRoles?: string[];
  /** The message being replied to (full payload, as Discord sends it). */
  referenced?: Record<string, unknown>;
  embeds?: unknown[];
  components?: unknown[];
}

export function messagePayload(input: MessagePayloadInput): Record<string, unknown> {
  const inGuild = input.guildId !== undefined;
  return {
    id: input.id,
    channel_id: input.channelId,
    ...(inGuild ? { guild_id: input.guildId, member: member() } : { channel_type: 1 }),
    author: input.author,
    content: input.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (input.mentions ?? []).map((u) => (inGuild ? { ...u, member: member() } : u)),
    mention_roles: input.mentionRoles ?? [],
    attachments: [],
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    pinned: false,
    flags: 0,
    type: input.referenced ? 19 : 0,
    ...(input.referenced
      ? {
          referenced_message: input.referenced,
          message_reference: {
            type: 0,
            message_id: input.referenced.id,
            channel_id: input.channelId,
            ...(inGuild ? { guild_id: input.guildId } : {}),
          },
        }
      : {}),
  };
}

export interface ButtonInteractionInput {
  id: string;
  token: string;
  applicationId: string;
  customId: string;
  presser: FakeUser;
  /** The bot message holding the button, as the fake stored it. */
  message: Record<string, unknown>;
  guildId?: string;
}

export function buttonInteractionPayload(input: ButtonInteractionInput): Record<string, unknown> {
  const channelId = String(input.message.channel_id);
  const inGuild = input.guildId !== undefined;
  return {
    id: input.id,
    application_id: input.applicationId,
    type: 3,
    token: input.token,
    version: 1,
    data: { custom_id: input.customId, component_type: 2 },
    channel_id: channelId,
    channel: inGuild ? { id: channelId, type: 0, guild_id: input.guildId } : { id: channelId, type: 1 },
    ...(inGuild
      ? { guild_id: input.guildId, member: member(input.presser), guild_locale: "en-US" }
      : { user: input.presser }),
    message: input.message,
    locale: "en-GB",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    context: inGuild ? 0 : 1,
  };
}
