// Posts rendered steps with chat.postMessage, in order per conversation, waiting out rate limits.
import type { Logger } from "@parley/core";
import type { webApi } from "@slack/bolt";
import type { SlackStep } from "../render/render-reply.js";
import { KeyedSerial } from "./keyed-serial.js";
import { withRateLimitRetry } from "./rate-limit.js";

export interface SlackSenderOptions {
  client: webApi.WebClient;
  botToken: string;
  logger: Logger;
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SlackDestination {
  channel: string;
  threadTs?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SlackSender {
  readonly #serial = new KeyedSerial();

  constructor(private readonly opts: SlackSenderOptions) {}

  deliver(to: SlackDestination, steps: SlackStep[]): Promise<void> {
    return this.#serial.run(`${to.channel}:${to.threadTs ?? ""}`, async () => {
      for (const step of steps) {
        if (step.kind === "wait") await (this.opts.sleep ?? defaultSleep)(step.ms);
        else await this.#post(to, step);
      }
    });
  }

  drain(): Promise<void> {
    return this.#serial.drain();
  }

  async #post(to: SlackDestination, step: Extract<SlackStep, { kind: "post" }>): Promise<void> {
    const { client, botToken, logger } = this.opts;
    await withRateLimitRetry(
      "chat.postMessage",
      () =>
        client.chat.postMessage({
          token: botToken,
          channel: to.channel,
          text: step.text,
          blocks: step.blocks,
          ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      { maxRetries: this.opts.maxRateLimitRetries ?? 5, sleep: this.opts.sleep ?? defaultSleep, logger },
    );
  }
}
