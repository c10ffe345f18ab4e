// Every channel Parley knows; `start` turns on those whose settings are present.
import type { ChannelContext, ChannelFactoryResult, ChannelFromEnv } from "@parley/core";
import { fromEnv as discord } from "@parley/discord";
import { fromEnv as slack } from "@parley/slack";
import { fromEnv as teams } from "@parley/teams";
import { fromEnv as telegram } from "@parley/telegram";
import { fromEnv as webchat } from "@parley/webchat";

export const CHANNEL_FACTORIES: ReadonlyArray<{ name: string; fromEnv: ChannelFromEnv }> = [
  { name: "webchat", fromEnv: webchat },
  { name: "telegram", fromEnv: telegram },
  { name: "slack", fromEnv: slack },
  { name: "discord", fromEnv: discord },
  { name: "teams", fromEnv: teams },
];

export function discoverChannels(
  env: Record<string, string | undefined>,
  ctx: ChannelContext,
): ChannelFactoryResult[] {
  return CHANNEL_FACTORIES.map(({ fromEnv }) => fromEnv(env, ctx));
}
