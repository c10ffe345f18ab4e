// Wiring: telegraf (polling or webhook) -> inbound rules -> gateway; gateway replies -> render -> transport.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Address, Channel, GatewayPort, HttpRoute, Inbound, Logger, Reply } from "@parley/core";
import { Telegraf } from "telegraf";
import type { CallbackQuery, Message, Update } from "telegraf/types";
import { redactToken, TelegramStartError } from "./errors.js";
import type { BotIdentity } from "./inbound/addressing.js";
import { classifyMessage } from "./inbound/classify-message.js";
import { PendingQuickReplies } from "./inbound/quick-replies.js";
import { SeenUpdates } from "./inbound/seen-updates.js";
import { CHANNEL, callbackInbound, messageInbound } from "./inbound/to-inbound.js";
import { DEFAULT_API_ROOT, DEFAULTS, type TelegramChannelOptions } from "./options.js";
import { escapeHtml } from "./render/escape.js";
import { PostbackCodec } from "./render/postback-codec.js";
import { type RenderSettings, renderReply } from "./render/render-reply.js";
import { silentLogger } from "./silent-logger.js";
import { type Destination, TelegramSender } from "./transport/sender.js";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface TelegramChannel extends Channel {
  readonly name: "telegram";
  /** The bot's own account, known once `start` resolved. */
  readonly botIdentity: BotIdentity | undefined;
}

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  return new TelegramChannelImpl(options);
}

class TelegramChannelImpl implements TelegramChannel {
  readonly name = "telegram" as const;
  readonly routes: readonly HttpRoute[];

  private readonly bot: Telegraf;
  private readonly logger: Logger;
  private readonly sender: TelegramSender;
  private readonly seen = new SeenUpdates();
  private readonly quickReplies = new PendingQuickReplies();
  private readonly render: RenderSettings;
  private readonly inFlight = new Set<Promise<void>>();
  private gateway: GatewayPort | undefined;
  private accepting = false;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: TelegramChannelOptions) {
    const mode = options.mode ?? "polling";
    if (mode === "webhook" && !options.webhook) {
      throw new TypeError("createTelegramChannel: webhook mode needs options.webhook { url, secret }");
    }
    this.logger = (options.logger ?? silentLogger).child({ channel: CHANNEL });
    this.bot = new Telegraf(options.token, {
      telegram: { apiRoot: options.apiRoot ?? DEFAULT_API_ROOT, webhookReply: false },
    });
    this.bot.use((ctx) => this.track(this.onUpdate(ctx.update)));
    this.bot.catch((error) => {
      this.logger.error({ err: safeMessage(error, options.token) }, "telegram update failed");
    });
    this.sender = new TelegramSender(this.bot.telegram, {
      token: options.token,
      logger: this.logger,
      onQuickReplies: (to, replies) => this.quickReplies.offer(to.chatId, to.userId, replies),
    });
    this.render = {
      codec: new PostbackCodec(),
      buttonsPrompt: options.buttonsPrompt ?? DEFAULTS.buttonsPrompt,
      maxDelaySeconds: options.maxDelaySeconds ?? DEFAULTS.maxDelaySeconds,
    };
    this.routes = mode === "webhook" && options.webhook ? [this.webhookRoute(options.webhook)] : [];
  }

  get botIdentity(): BotIdentity | undefined {
    const info = this.bot.botInfo;
    return info ? { id: info.id, username: info.username } : undefined;
  }

  async start(gateway: GatewayPort): Promise<void> {
    this.gateway = gateway;
    try {
      this.bot.botInfo = await this.bot.telegram.getMe();
    } catch (error) {
      throw this.startError(error);
    }
    this.accepting = true;
    const webhook = this.options.webhook;
    if ((this.options.mode ?? "polling") === "webhook" && webhook) {
      await this.bot.telegram
        .setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] })
        .catch((error: unknown) => {
          throw this.startError(error);
        });
      this.logger.info({ url: webhook.url }, "telegram webhook registered");
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.polling = this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, resolve);
      this.polling.catch((error: unknown) => {
        this.logger.error({ err: safeMessage(error, this.options.token) }, "telegram polling stopped");
        reject(this.startError(error));
      });
    });
    this.logger.info({ bot: this.bot.botInfo.username }, "telegram polling started");
  }

  async stop(): Promise<void> {
    if (!this.accepting) return;
    this.accepting = false;
    if (this.polling) {
      this.bot.stop("parley stop");
      await this.polling.catch(() => undefined);
      this.polling = undefined;
    }
    await Promise.all(this.inFlight);
    await this.sender.drain();
  }

  async send(to: Address, reply: Reply): Promise<void> {
    await this.sender.deliver(destinationOf(to), renderReply(reply, this.render));
  }

  async typing(to: Address): Promise<void> {
    await this.sender.typing(destinationOf(to));
  }

  private webhookRoute(webhook: { url: string; secret: string }): HttpRoute {
    const path = new URL(webhook.url).pathname;
    const callback = this.bot.webhookCallback(path, { secretToken: webhook.secret });
    return {
      method: "POST",
      path,
      handler: async (req: IncomingMessage, res: ServerResponse) => {
        if (!this.accepting) {
          res.writeHead(503).end();
          return;
        }
        await callback(req, res, () => {
          // telegraf's filter refused it: wrong path or a missing / wrong secret header.
          this.logger.warn({ path }, "telegram webhook call refused: wrong or missing secret token");
          res.writeHead(403).end();
        });
      },
    };
  }

  private async onUpdate(update: Update): Promise<void> {
    if (!this.accepting) return;
    if (!this.seen.firstTime(update.update_id)) {
      this.logger.debug({ updateId: update.update_id }, "telegram duplicate update ignored");
      return;
    }
    if ("message" in update) return this.onMessage(update.message);
    if ("callback_query" in update) return this.onCallbackQuery(update.callback_query);
    // edited_message, channel_post, … are not conversation turns.
    this.logger.debug({ updateId: update.update_id }, "telegram update ignored");
  }

  private async onMessage(message: Message): Promise<void> {
    const bot = this.botIdentity;
    if (!bot) return;
    const chatId = String(message.chat.id);
    const userId = message.from ? String(message.from.id) : "";
    const decision = classifyMessage(message, {
      bot,
      startInput: this.options.startInput ?? DEFAULTS.startInput,
      takeQuickReply: (text) => this.quickReplies.take(chatId, userId, text),
    });
    if (decision.kind === "ignore") {
      this.logger.debug({ reason: decision.reason }, "telegram message ignored");
      return;
    }
    if (decision.kind === "nonText") {
      const inbound = messageInbound(message, "", undefined);
      const answer = escapeHtml(this.options.nonTextReply ?? DEFAULTS.nonTextReply);
      await this.sender
        .deliver(destinationOf(addressOf(inbound)), [{ kind: "text", html: answer }])
        .catch((error) => {
          this.logger.warn(
            { err: safeMessage(error, this.options.token) },
            "telegram non-text answer not sent",
          );
        });
      return;
    }
    await this.hand(messageInbound(message, decision.text, decision.resetSession));
  }

  private async onCallbackQuery(query: CallbackQuery): Promise<void> {
    const data = "data" in query ? query.data : undefined;
    const postback = data === undefined ? undefined : this.render.codec.decode(data);
    const message = query.message;
    await this.bot.telegram
      .answerCbQuery(query.id, postback === undefined ? "This button has expired." : undefined)
      .catch((error: unknown) => {
        this.logger.warn(
          { err: safeMessage(error, this.options.token) },
          "telegram answerCallbackQuery failed",
        );
      });
    if (postback === undefined || !message) return;
    await this.hand(callbackInbound(query, message as Message, postback));
  }

  private async hand(inbound: Inbound): Promise<void> {
    const gateway = this.gateway;
    if (!gateway) return;
    const outcome = await gateway.receive(inbound);
    if (outcome.status !== "accepted") {
      this.logger.debug(
        { status: outcome.status, messageId: inbound.messageId },
        "telegram message not queued",
      );
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private startError(error: unknown): TelegramStartError {
    const response = (error as { response?: { error_code?: number; description?: string } }).response;
    const description = response?.description ?? safeMessage(error, this.options.token);
    return new TelegramStartError(
      response?.error_code,
      description,
      this.options.apiRoot ?? DEFAULT_API_ROOT,
    );
  }
}

function addressOf(inbound: Inbound): Address {
  return {
    channel: CHANNEL,
    conversationId: inbound.conversationId,
    ...(inbound.replyTo ? { replyTo: inbound.replyTo } : {}),
    ...(inbound.meta ? { meta: inbound.meta } : {}),
  };
}

function destinationOf(to: Address): Destination {
  const threadId = to.meta?.threadId;
  // Only group answers quote the question; the gateway fills `replyTo` with our messageId
  // ("chat:message" or "callback:id") when we left it empty, which is not a message id.
  const quote =
    to.meta?.chatType !== "private" && /^\d+$/.test(to.replyTo ?? "") ? Number(to.replyTo) : undefined;
  return {
    chatId: to.conversationId,
    ...(threadId && /^\d+$/.test(threadId) ? { threadId: Number(threadId) } : {}),
    ...(quote !== undefined ? { replyTo: quote } : {}),
    ...(to.meta?.userId ? { userId: to.meta.userId } : {}),
  };
}

function safeMessage(error: unknown, token: string): string {
  return redactToken(error instanceof Error ? error.message : String(error), token);
}
