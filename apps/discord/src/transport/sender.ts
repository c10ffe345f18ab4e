// Posts rendered messages through discord.js's REST client, whose per-route queue handles rate limits.
// Callers run it inside a channel lane, so one reply's messages go out in order and are not interleaved.
import { type REST, type RESTPostAPIChannelMessageJSONBody, Routes } from "discord.js";
import type { OutgoingStep } from "../render/compose.js";
import type { TypingIndicator } from "./typing.js";

export interface DeliverOptions {
  channelId: string;
  steps: OutgoingStep[];
  /** The message the first one replies to (servers). */
  replyTo?: string;
  typing: TypingIndicator;
  maxDelaySeconds: number;
}

export async function deliver(rest: REST, options: DeliverOptions): Promise<void> {
  const { channelId, typing } = options;
  let first = true;
  for (const step of options.steps) {
    if (step.kind === "delay") {
      // <delay>: the person sees the bot typing for the pause, as a human would.
      await typing.pulse(channelId, true);
      typing.start(channelId);
      await sleep(Math.min(Math.max(step.seconds, 0), options.maxDelaySeconds) * 1000);
      typing.stop(channelId);
      continue;
    }
    const body: RESTPostAPIChannelMessageJSONBody = {
      ...step.message,
      // Bot text never pings @everyone, roles or users; a reply still notifies the person answered.
      allowed_mentions: { parse: [], replied_user: true },
    };
    if (first && options.replyTo) {
      body.message_reference = { message_id: options.replyTo, fail_if_not_exists: false };
    }
    await rest.post(Routes.channelMessages(channelId), { body });
    first = false;
  }
}

export async function sendTyping(rest: REST, channelId: string): Promise<void> {
  await rest.post(Routes.channelTyping(channelId));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
