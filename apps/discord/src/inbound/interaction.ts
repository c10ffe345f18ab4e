// A button press -> the Inbound carrying the button's postback as the person's input.
import type { Inbound } from "@parley/core";
import type { ButtonInteraction } from "discord.js";
import type { PostbackCodec } from "../render/postbacks.js";

export type PressDecision = { known: true; inbound: Inbound } | { known: false };

export function decidePress(interaction: ButtonInteraction, codec: PostbackCodec): PressDecision {
  const postback = codec.decode(interaction.customId);
  if (postback === undefined) return { known: false };
  const name = interaction.inCachedGuild()
    ? interaction.member.displayName
    : (interaction.user.globalName ?? interaction.user.username);
  return {
    known: true,
    inbound: {
      channel: "discord",
      userId: interaction.user.id,
      conversationId: interaction.channelId,
      // The interaction id is unique per press: a double delivery of the same press is deduped.
      messageId: interaction.id,
      text: postback,
      profile: { name, locale: interaction.locale },
      meta: interaction.guildId ? { source: "button", guildId: interaction.guildId } : { source: "button" },
    },
  };
}
