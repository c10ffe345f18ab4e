// Wiring: telegraf (polling or webhook) -> UpdateHandler -> gateway; gateway replies -> render -> sender.
import {
  type Address,
  type Channel,
  type GatewayPort,
  type HttpRoute,
  type Logger,
  noopLogger,
  type Reply,
} from "@parley/core";
import { Telegraf } from "telegraf";
import { redactToken, TelegramStartError } from "./errors.js";
import type { BotIdentity } from "./inbound/addressing.js";
import { PendingQuickReplies } from "./inbound/quick-replies.js";
import { CHANNEL } from "./inbound/to-inbound.js";
import { UpdateHandler } from "./inbound/update-handler.js";
import { webhookRoute } from "./inbound/webhook-route.js";
import { DEFAULT_API_ROOT, DEFAULTS, type TelegramChannelOptions } from "./options.js";
import { PostbackCodec } from "./render/postback-codec.js";
import { type RenderSettings, renderReply } from "./render/render-reply.js";
import { destinationOf } from "./transport/destination.js";
import { TelegramSender } from "./transport/sender.js";

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
  private readonly render: RenderSettings;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly apiRoot: string;
  private gateway: GatewayPort | undefined;
  private accepting = false;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: TelegramChannelOptions) {
    if (options.mode === "webhook" && !options.webhook) {
      throw new TypeError("createTelegramChannel: webhook mode needs options.webhook { url, secret }");
    }
    this.logger = (options.logger ?? noopLogger).child({ channel: CHANNEL });
    this.apiRoot = options.apiRoot ?? DEFAULT_API_ROOT;
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: this.apiRoot, webhookReply: false } });

    const quickReplies = new PendingQuickReplies();
    this.sender = new TelegramSender(this.bot.telegram, {
      token: options.token,
      logger: this.logger,
      onQuickReplies: (to, replies) => quickReplies.offer(to.chatId, to.userId, replies),
      ...(options.maxRetryAfterSeconds !== undefined
        ? { maxRetryAfterSeconds: options.maxRetryAfterSeconds }
        : {}),
    });
    this.render = {
      codec: new PostbackCodec(),
      buttonsPrompt: options.buttonsPrompt ?? DEFAULTS.buttonsPrompt,
      maxDelaySeconds: options.maxDelaySeconds ?? DEFAULTS.maxDelaySeconds,
    };
    const updates = new UpdateHandler({
      telegram: this.bot.telegram,
      sender: this.sender,
      codec: this.render.codec,
      quickReplies,
      identity: () => this.botIdentity,
      gateway: () => (this.accepting ? this.gateway : undefined),
      startInput: options.startInput ?? DEFAULTS.startInput,
      nonTextReply: options.nonTextReply ?? DEFAULTS.nonTextReply,
      token: options.token,
      logger: this.logger,
    });
    this.bot.use((ctx) => this.track(updates.handle(ctx.update)));
    this.bot.catch((error) => {
      this.logger.error({ err: this.safe(error) }, "telegram update failed");
    });
    this.routes =
      options.mode === "webhook" && options.webhook
        ? [webhookRoute(this.bot, options.webhook, () => this.accepting, this.logger)]
        : [];
  }

  get botIdentity(): BotIdentity | undefined {
    const info = this.bot.botInfo;
    return info ? { id: info.id, username: info.username } : undefined;
  }

  async start(gateway: GatewayPort): Promise<void> {
    this.gateway = gateway;
    const webhook = this.options.mode === "webhook" ? this.options.webhook : undefined;
    try {
      this.bot.botInfo = await this.bot.telegram.getMe();
      if (webhook) {
        await this.bot.telegram.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
      } else {
        // getUpdates is refused while a webhook is set; done here so a failure stops `start`.
        await this.bot.telegram.deleteWebhook();
      }
    } catch (error) {
      throw this.startError(error);
    }
    this.accepting = true;
    if (webhook) {
      // Origin and path only: the URL's query string may carry a secret of the operator's proxy.
      const { origin, pathname } = new URL(webhook.url);
      this.logger.info({ url: origin + pathname }, "telegram webhook registered");
      return;
    }
    await new Promise<void>((resolve) => {
      this.polling = this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, resolve);
      this.polling.catch((error: unknown) => {
        this.logger.error({ err: this.safe(error) }, "telegram polling stopped");
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

  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private startError(error: unknown): TelegramStartError {
    const response = (error as { response?: { error_code?: number; description?: string } }).response;
    // The origin only: an API root may carry proxy credentials.
    const where = URL.canParse(this.apiRoot) ? new URL(this.apiRoot).origin : "the Bot API";
    return new TelegramStartError(response?.error_code, response?.description ?? this.safe(error), where);
  }

  private safe(error: unknown): string {
    return redactToken(error instanceof Error ? error.message : String(error), this.options.token);
  }
}
