// One Telegram update -> at most one Inbound for the gateway (or the non-text answer, or nothing).
import type { Address, GatewayPort, Inbound, Logger } from "@parley/core";
import type { Telegram } from "telegraf";
import type { CallbackQuery, Message, Update } from "telegraf/types";
import { redactToken } from "../errors.js";
import { escapeHtml } from "../render/escape.js";
import type { PostbackCodec } from "../render/postback-codec.js";
import { destinationOf } from "../transport/destination.js";
import type { TelegramSender } from "../transport/sender.js";
import type { BotIdentity } from "./addressing.js";
import { classifyMessage } from "./classify-message.js";
import type { PendingQuickReplies } from "./quick-replies.js";
import { SeenUpdates } from "./seen-updates.js";
import { addressOfMessage, callbackInbound, messageInbound } from "./to-inbound.js";
import { askTelegramToRetry } from "./webhook-route.js";

export interface UpdateHandlerOptions {
  telegram: Telegram;
  sender: TelegramSender;
  codec: PostbackCodec;
  quickReplies: PendingQuickReplies;
  identity: () => BotIdentity | undefined;
  gateway: () => GatewayPort | undefined;
  startInput: string;
  nonTextReply: string;
  token: string;
  logger: Logger;
}

export class UpdateHandler {
  private readonly seen = new SeenUpdates();

  constructor(private readonly o: UpdateHandlerOptions) {}

  async handle(update: Update): Promise<void> {
    if (!this.seen.firstTime(update.update_id)) {
      this.o.logger.debug({ updateId: update.update_id }, "telegram duplicate update ignored");
      return;
    }
    if ("message" in update) return this.onMessage(update.message);
    if ("callback_query" in update) return this.onCallbackQuery(update.callback_query);
    // edited_message, channel_post, … are not conversation turns.
    this.o.logger.debug({ updateId: update.update_id }, "telegram update ignored");
  }

  private async onMessage(message: Message): Promise<void> {
    const bot = this.o.identity();
    if (!bot) return;
    const chatId = String(message.chat.id);
    const userId = message.from ? String(message.from.id) : "";
    const decision = classifyMessage(message, {
      bot,
      startInput: this.o.startInput,
      takeQuickReply: (text) => this.o.quickReplies.take(chatId, userId, text),
    });
    if (decision.kind === "ignore") {
      this.o.logger.debug({ reason: decision.reason }, "telegram message ignored");
      return;
    }
    if (decision.kind === "nonText") return this.answerNonText(addressOfMessage(message));
    await this.hand(messageInbound(message, decision.text, decision.resetSession));
  }

  private async onCallbackQuery(query: CallbackQuery): Promise<void> {
    const data = "data" in query ? query.data : undefined;
    const postback = data === undefined ? undefined : this.o.codec.decode(data);
    // Acknowledge first: until then the person's button shows a spinner.
    await this.o.telegram
      .answerCbQuery(query.id, postback === undefined ? "This button has expired." : undefined)
      .catch((error: unknown) => {
        this.o.logger.warn({ err: this.safe(error) }, "telegram answerCallbackQuery failed");
      });
    if (postback === undefined || !query.message) return;
    await this.hand(callbackInbound(query, query.message as Message, postback));
  }

  private async answerNonText(to: Address): Promise<void> {
    await this.o.sender
      .deliver(destinationOf(to), [{ kind: "text", html: escapeHtml(this.o.nonTextReply) }])
      .catch((error: unknown) => {
        this.o.logger.warn({ err: this.safe(error) }, "telegram non-text answer not sent");
      });
  }

  private async hand(inbound: Inbound): Promise<void> {
    const gateway = this.o.gateway();
    if (!gateway) return;
    try {
      const outcome = await gateway.receive(inbound);
      if (outcome.status !== "accepted") {
        this.o.logger.debug(
          { status: outcome.status, messageId: inbound.messageId },
          "telegram message not queued",
        );
      }
    } catch (error) {
      if ((error as { code?: unknown }).code !== "GATEWAY_CLOSED") throw error;
      askTelegramToRetry();
      this.o.logger.info(
        { messageId: inbound.messageId },
        "telegram message arrived while stopping; not taken",
      );
    }
  }

  private safe(error: unknown): string {
    return redactToken(error instanceof Error ? error.message : String(error), this.o.token);
  }
}
