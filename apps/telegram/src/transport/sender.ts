// Executes rendered Telegram calls: in order per chat, resending once after a 429's retry_after.
import { setTimeout as sleep } from "node:timers/promises";
import { type Button, type Logger, SerialLanes } from "@parley/core";
import type { Telegram } from "telegraf";
import { redactToken, TelegramSendError } from "../errors.js";
import type { Outgoing } from "../render/outgoing.js";
import { callWithFloodRetry } from "./retry-after.js";

export interface Destination {
  chatId: string;
  /** Forum topic the conversation lives in. */
  threadId?: number;
  /** In groups, the person's message the first bubble quotes, so it is clear whom the bot answers. */
  replyTo?: number;
  /** The person answered: keys the quick replies offered to them. */
  userId?: string;
}

export interface SenderOptions {
  token: string;
  logger: Logger;
  /** Called when a reply keyboard is shown, so the label the person taps maps back to its postback. */
  onQuickReplies?: (to: Destination, replies: Button[]) => void;
  /** Longest retry_after honoured; a longer one fails the message rather than stall the chat. Default 60. */
  maxRetryAfterSeconds?: number;
  wait?: (ms: number) => Promise<void>;
}

export class TelegramSender {
  /** A chat's messages go out strictly in order, different chats in parallel. */
  private readonly lanes = new SerialLanes();
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    private readonly telegram: Telegram,
    private readonly options: SenderOptions,
  ) {
    this.wait = options.wait ?? ((ms) => sleep(ms));
  }

  /** Queues the calls behind whatever this chat is already sending; rejects with a TelegramSendError. */
  deliver(to: Destination, calls: readonly Outgoing[]): Promise<void> {
    return this.lanes.run(to.chatId, () => this.sendInOrder(to, calls));
  }

  /** Best effort: a lost "typing…" is not worth an error or a retry. */
  async typing(to: Destination): Promise<void> {
    try {
      await this.telegram.sendChatAction(to.chatId, "typing", this.threadExtra(to));
    } catch (error) {
      this.options.logger.debug({ err: this.describe(error) }, "telegram typing action failed");
    }
  }

  drain(): Promise<void> {
    return this.lanes.idle();
  }

  private async sendInOrder(to: Destination, calls: readonly Outgoing[]): Promise<void> {
    let quote = to.replyTo;
    for (const call of calls) {
      if (call.kind === "pause") {
        await this.typing(to);
        await this.wait(call.seconds * 1000);
        continue;
      }
      // A selective reply keyboard shows only to the sender of the message it quotes.
      const quoted = call.kind === "text" && call.quickReplies ? to.replyTo : quote;
      const reply =
        quoted !== undefined
          ? { reply_parameters: { message_id: quoted, allow_sending_without_reply: true } }
          : {};
      await this.send(call, to, reply);
      quote = undefined;
    }
  }

  private async send(
    call: Exclude<Outgoing, { kind: "pause" }>,
    to: Destination,
    reply: object,
  ): Promise<void> {
    const base = { ...this.threadExtra(to), ...reply };
    const method = call.kind === "text" ? "sendMessage" : call.kind === "photo" ? "sendPhoto" : "sendVideo";
    const attempt = (): Promise<unknown> => {
      switch (call.kind) {
        case "text":
          return this.telegram.sendMessage(to.chatId, call.html, {
            ...base,
            parse_mode: "HTML",
            ...(call.inline ? { reply_markup: call.inline } : {}),
            ...(call.quickReplies ? { reply_markup: call.quickReplies.markup } : {}),
          });
        case "photo":
          return this.telegram.sendPhoto(to.chatId, call.url, {
            ...base,
            ...(call.captionHtml ? { caption: call.captionHtml, parse_mode: "HTML" as const } : {}),
            ...(call.inline ? { reply_markup: call.inline } : {}),
          });
        case "video":
          return this.telegram.sendVideo(to.chatId, call.url, base);
      }
    };
    try {
      await callWithFloodRetry(attempt, this.wait, this.options.maxRetryAfterSeconds ?? 60, (seconds) =>
        this.options.logger.warn(
          { method, retryAfter: seconds },
          "telegram flood control: waiting, then resending once",
        ),
      );
    } catch (error) {
      const status = (error as { response?: { error_code?: number } }).response?.error_code;
      throw new TelegramSendError(method, status, this.describe(error));
    }
    if (call.kind === "text" && call.quickReplies)
      this.options.onQuickReplies?.(to, call.quickReplies.replies);
  }

  private threadExtra(to: Destination): { message_thread_id?: number } {
    return to.threadId !== undefined ? { message_thread_id: to.threadId } : {};
  }

  private describe(error: unknown): string {
    const description = (error as { response?: { description?: string } }).response?.description;
    const text = description ?? (error instanceof Error ? error.message : String(error));
    return redactToken(text, this.options.token);
  }
}
