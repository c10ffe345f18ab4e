// How `parley start` discovers channels: each channel package exports `fromEnv`.
import type { Channel } from "./channel.js";
import type { Logger } from "./logger.js";

export interface ChannelContext {
  logger: Logger;
  /** Public base URL of the gateway's listener, if known (webhook registration). */
  publicUrl?: string;
}

export type ChannelFactoryResult =
  | { name: string; enabled: true; channel: Channel; notes?: string[] }
  /** `turnOnWith` names the exact variable(s) that would turn the channel on, for the start-up summary. */
  | { name: string; enabled: false; turnOnWith: string; notes?: string[] };

/** Reads the channel's settings; throws a ConfigError (one clear line) when they are present but invalid. */
export type ChannelFromEnv = (
  env: Record<string, string | undefined>,
  ctx: ChannelContext,
) => ChannelFactoryResult;
