// Wiring: discord.js client events -> inbound decisions -> gateway; gateway replies -> render -> transport.
import type { Address, Channel, GatewayPort, Inbound, Logger, Reply } from "@parley/core";
import { noopLogger, SerialLanes } from "@parley/core";
import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
} from "discord.js";
import { DiscordStartError, describeError } from "./errors.js";
import { decidePress } from "./inbound/interaction.js";
import { decideMessage } from "./inbound/message.js";
import { renderReply } from "./render/compose.js";
import { PostbackCodec } from "./render/postbacks.js";
import { inviteUrl, MESSAGE_CONTENT_HINT } from "./setup-hints.js";
import { deliver, sendTyping } from "./transport/sender.js";
import { TypingIndicator } from "./transport/typing.js";

export interface DiscordChannelOptions {
  /** The bot token (Developer Portal -> Bot -> Reset Token). */
  token: string;
  /** REST base URL without the version, e.g. "https://discord.com/api" (the default). */
  apiUrl?: string;
  logger?: Logger;
  /** Ceiling for a <delay> in a reply, in seconds. */
  maxDelaySeconds?: number;
  /** How long start() waits for the gateway to be ready. */
  readyTimeoutMs?: number;
}

export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

const EXPIRED_BUTTON = "This button has expired. Please type your answer instead.";

export class DiscordChannel implements Channel {
  readonly name = "discord";
  private client: Client | undefined;
  private gateway: GatewayPort | undefined;
  private accepting = false;
  private readonly logger: Logger;
  private readonly codec = new PostbackCodec();
  /** Sends to one Discord channel go out in order; discord.js's REST queue handles rate limits below. */
  private readonly lanes = new SerialLanes();
  private readonly handlers = new Set<Promise<void>>();
  private readonly typingIndicator: TypingIndicator;

  constructor(private readonly options: DiscordChannelOptions) {
    this.logger = options.logger ?? noopLogger;
    this.typingIndicator = new TypingIndicator({
      logger: this.logger,
      send: (channelId) => sendTyping(this.requireClient().rest, channelId),
    });
  }

  async start(gateway: GatewayPort): Promise<void> {
    this.gateway = gateway;
    const client = new Client({
      intents: DISCORD_INTENTS,
      // DM channels are never cached up front; without this partial discord.js drops direct messages.
      partials: [Partials.Channel],
      ...(this.options.apiUrl ? { rest: { api: this.options.apiUrl } } : {}),
    });
    this.client = client;
    client.on(Events.MessageCreate, (message) => this.track(this.onMessage(message)));
    client.on(Events.InteractionCreate, (interaction) => this.track(this.onInteraction(interaction)));
    client.on(Events.Error, (error) =>
      this.logger.error({ err: describeError(error) }, "discord client error"),
    );
    client.on(Events.ShardReconnecting, () => this.logger.info("discord gateway reconnecting"));
    // discord.js reconnects by itself; it only gives up on close codes it cannot recover from.
    client.on(Events.ShardDisconnect, ({ code }) => {
      if (this.accepting) {
        this.logger.error({ code }, `discord gateway closed for good: ${disconnectError(code).message}`);
      }
    });
    this.accepting = true;
    try {
      await this.connect(client);
    } catch (error) {
      this.accepting = false;
      await client.destroy().catch(() => {});
      this.client = undefined;
      throw error;
    }
    const user = client.user;
    this.logger.info(
      { bot: user?.tag, invite: user ? inviteUrl(user.id) : undefined },
      `discord connected as ${user?.tag}; ${MESSAGE_CONTENT_HINT}`,
    );
  }

  async stop(): Promise<void> {
    this.accepting = false;
    await Promise.allSettled([...this.handlers]);
    await this.lanes.idle();
    this.typingIndicator.stopAll();
    await this.client?.destroy();
    this.client = undefined;
  }

  async send(to: Address, reply: Reply): Promise<void> {
    const rest = this.requireClient().rest;
    const steps = renderReply(reply, this.codec);
    const channelId = to.conversationId;
    return this.lanes.run(channelId, async () => {
      this.typingIndicator.stop(channelId);
      await deliver(rest, {
        channelId,
        steps,
        typing: this.typingIndicator,
        maxDelaySeconds: this.options.maxDelaySeconds ?? 10,
        // Only a server message is answered as a reply; DMs and button presses get plain messages.
        ...(to.replyTo && to.meta?.source === "guild-message" ? { replyTo: to.replyTo } : {}),
      });
    });
  }

  /**
   * The gateway calls this every few seconds while the bot thinks. One signal lasts about 10 s on
   * Discord, so repeats within 8 s are skipped; when the calls stop, the indicator lapses by itself
   * (also when the bot decides not to answer at all).
   */
  async typing(to: Address): Promise<void> {
    await this.typingIndicator.pulse(to.conversationId);
  }

  private async connect(client: Client): Promise<void> {
    const timeoutMs = this.options.readyTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      client.on(Events.ShardDisconnect, ({ code }) => reject(disconnectError(code)));
      timer = setTimeout(
        () => reject(new DiscordStartError(`Discord gateway not ready after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.all([
        client.login(this.options.token).catch((error: unknown) => {
          throw loginError(error);
        }),
        ready,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private track(handler: Promise<void>): void {
    this.handlers.add(handler);
    void handler.finally(() => this.handlers.delete(handler));
  }

  private async onMessage(message: Message): Promise<void> {
    const botId = this.client?.user?.id;
    if (!this.accepting || !botId) return;
    const decision = decideMessage(message, botId);
    if (!decision.answer) {
      if (decision.reason === "empty-content") {
        this.logger.warn(
          { messageId: message.id },
          `discord message arrived with empty content: ${MESSAGE_CONTENT_HINT}`,
        );
      } else {
        this.logger.debug({ messageId: message.id, reason: decision.reason }, "discord message not answered");
      }
      return;
    }
    await this.hand(decision.inbound);
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    if (!interaction.isButton()) return;
    try {
      const decision = decidePress(interaction, this.codec);
      if (!decision.known) {
        await interaction.reply({ content: EXPIRED_BUTTON, flags: MessageFlags.Ephemeral });
        return;
      }
      // Discord fails the press unless it is acknowledged within 3 seconds: ack first, think later.
      // A failed ack (the press arrived too late) still lets the person's choice through.
      await interaction.deferUpdate().catch((error: unknown) => {
        this.logger.warn({ err: describeError(error) }, "discord button press not acknowledged in time");
      });
      if (this.accepting) await this.hand(decision.inbound);
    } catch (error) {
      this.logger.warn({ err: describeError(error) }, "discord button press not handled");
    }
  }

  /** Hands an inbound to the gateway. */
  private async hand(inbound: Inbound): Promise<void> {
    const gateway = this.gateway;
    if (!gateway) return;
    // Typing shows at once; the gateway keeps it up through `typing()` while the bot thinks.
    void this.typingIndicator.pulse(inbound.conversationId);
    try {
      // "busy" gets its reply from the gateway itself; a duplicate was answered already.
      await gateway.receive(inbound);
    } catch (error) {
      this.logger.warn(
        { err: describeError(error), messageId: inbound.messageId },
        "discord message not accepted",
      );
    }
  }

  private requireClient(): Client {
    if (!this.client) throw new DiscordStartError("The Discord channel is not started: call start() first");
    return this.client;
  }
}

export function createDiscordChannel(options: DiscordChannelOptions): DiscordChannel {
  return new DiscordChannel(options);
}

function loginError(error: unknown): DiscordStartError {
  const code = (error as { code?: unknown })?.code;
  if (code === "TokenInvalid") {
    return new DiscordStartError(
      "Discord rejected DISCORD_TOKEN: copy the bot token again (Developer Portal -> your app -> Bot -> Reset Token)",
      { cause: error },
    );
  }
  return new DiscordStartError(`Could not connect to Discord: ${describeError(error).message}`, {
    cause: error,
  });
}

function disconnectError(code: number): DiscordStartError {
  if (code === 4014) {
    return new DiscordStartError(`Discord refused the intents: ${MESSAGE_CONTENT_HINT} (close code 4014)`);
  }
  if (code === 4004) {
    return new DiscordStartError("Discord rejected DISCORD_TOKEN at the gateway (close code 4004)");
  }
  return new DiscordStartError(`Discord gateway closed during start-up (close code ${code})`);
}
