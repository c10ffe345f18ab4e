// A local stand-in for Discord: REST over real HTTP and a gateway over WebSocket on the same port.
// Tests point the real discord.js client at it and assert on what it recorded.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./fake-gateway.js";
import {
  buttonInteractionPayload,
  createSnowflakes,
  type FakeUser,
  messagePayload,
  user,
} from "./payloads.js";

/** A message the bot posted, as the fake stored it (Discord's own message shape). */
export interface PostedMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: Array<{ title?: string; description?: string; url?: string; image?: { url: string } }>;
  components: Array<{
    type: number;
    components: Array<{ type: number; style: number; label?: string; custom_id?: string; url?: string }>;
  }>;
  message_reference?: { message_id: string; fail_if_not_exists?: boolean };
  allowed_mentions?: unknown;
  [key: string]: unknown;
}

export interface InteractionCallback {
  interactionId: string;
  body: { type: number; data?: { content?: string; flags?: number } };
}

export interface Sent {
  messageId: string;
  channelId: string;
}

export interface FakeDiscordOptions {
  token?: string;
  botName?: string;
  /** Like an app whose Message Content intent is off in the portal: identify is refused with 4014. */
  messageContentIntentDisabled?: boolean;
}

const MESSAGE_CONTENT_INTENT = 1 << 15;

export class FakeDiscord {
  readonly token: string;
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly guildChannelId: string;
  /** The role Discord creates for the bot in each server it joins ("managed", tagged with the bot id). */
  readonly botRoleId: string;
  /** Every message the bot posted, in arrival order. */
  readonly messages: PostedMessage[] = [];
  /** Channel ids the bot sent a typing indicator to, in order. */
  readonly typing: string[] = [];
  readonly interactionCallbacks: InteractionCallback[] = [];
  /** Every REST call as "METHOD /path" (no query, no secrets). */
  readonly requests: string[] = [];

  private readonly events = new EventEmitter();
  private rateLimits: { left: number; retryAfterSeconds: number } = { left: 0, retryAfterSeconds: 0 };
  private readonly nextId = createSnowflakes();
  private readonly dmChannels = new Map<string, string>();
  private gateway!: FakeGateway;
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? "fake-bot-token";
    this.applicationId = this.nextId();
    this.bot = user(this.applicationId, options.botName ?? "parley", true);
    this.guildId = this.nextId();
    this.guildChannelId = this.nextId();
    this.botRoleId = this.nextId();
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.on("request", (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    fake.gateway = new FakeGateway({
      server,
      token: fake.token,
      ...(options.messageContentIntentDisabled ? { forbiddenIntents: MESSAGE_CONTENT_INTENT } : {}),
      onIdentify: () => fake.readyEvents(),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL should be (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get identified(): Promise<void> {
    return this.gateway.identified;
  }

  get intents(): number | undefined {
    return this.gateway.identify?.intents;
  }

  /** A person writes to the bot in a direct message. */
  sendDirectMessage(author: FakeUser, content: string): Sent {
    const channelId = this.dmChannelOf(author.id);
    const id = this.nextId();
    this.gateway.dispatch("MESSAGE_CREATE", messagePayload({ id, channelId, author, content }));
    return { messageId: id, channelId };
  }

  /** A person writes in the server's text channel, optionally mentioning the bot or replying to a message. */
  sendGuildMessage(
    author: FakeUser,
    text: string,
    options: {
      mentionBot?: boolean;
      /** Mention the bot's managed role instead of the bot user (what "@Bot" autocompletes to at times). */
      mentionBotRole?: boolean;
      replyTo?: PostedMessage;
      contentWithheld?: boolean;
    } = {},
  ): Sent {
    const id = this.nextId();
    // Without the Message Content intent Discord still sends the message, with its content empty.
    const prefix = options.mentionBot
      ? `<@${this.bot.id}> `
      : options.mentionBotRole
        ? `<@&${this.botRoleId}> `
        : "";
    const content = options.contentWithheld ? "" : `${prefix}${text}`;
    const referenced = options.replyTo
      ? { ...options.replyTo, author: this.bot, timestamp: new Date().toISOString(), type: 0 }
      : undefined;
    this.gateway.dispatch(
      "MESSAGE_CREATE",
      messagePayload({
        id,
        channelId: this.guildChannelId,
        guildId: this.guildId,
        author,
        content,
        ...(options.mentionBot ? { mentions: [this.bot] } : {}),
        ...(options.mentionBotRole ? { mentionRoles: [this.botRoleId] } : {}),
        ...(referenced ? { referenced } : {}),
      }),
    );
    return { messageId: id, channelId: this.guildChannelId };
  }

  /** A person presses a button on one of the bot's messages. Returns the interaction id. */
  pressButton(presser: FakeUser, message: PostedMessage, customId: string): string {
    const id = this.nextId();
    const inGuild = message.channel_id === this.guildChannelId;
    this.gateway.dispatch(
      "INTERACTION_CREATE",
      buttonInteractionPayload({
        id,
        token: `interaction-token-${id}`,
        applicationId: this.applicationId,
        customId,
        presser,
        message: { ...message, author: this.bot, timestamp: new Date().toISOString(), type: 0 },
        ...(inGuild ? { guildId: this.guildId } : {}),
      }),
    );
    return id;
  }

  /** Drops the gateway connection with a close code, as Discord does when it ends a session. */
  disconnectGateway(code: number): void {
    this.gateway.disconnect(code);
  }

  /** The next `count` message posts are refused with 429 and a Retry-After, as Discord does when a bucket is empty. */
  rateLimitNextMessages(count: number, retryAfterSeconds = 0.2): void {
    this.rateLimits = { left: count, retryAfterSeconds };
  }

  /** Resolves once `count` messages were posted to the channel (or anywhere when channelId is omitted). */
  waitForMessages(count: number, channelId?: string, timeoutMs = 10_000): Promise<PostedMessage[]> {
    const pick = () => this.messages.filter((m) => channelId === undefined || m.channel_id === channelId);
    return this.waitFor(
      () => (pick().length >= count ? pick() : undefined),
      `${count} message(s)${channelId ? ` in ${channelId}` : ""}`,
      timeoutMs,
    );
  }

  waitForTyping(channelId: string, timeoutMs = 10_000): Promise<void> {
    return this.waitFor(
      () => (this.typing.includes(channelId) ? true : undefined),
      `typing in ${channelId}`,
      timeoutMs,
    ).then(() => {});
  }

  waitForInteractionCallback(interactionId: string, timeoutMs = 10_000): Promise<InteractionCallback> {
    return this.waitFor(
      () => this.interactionCallbacks.find((c) => c.interactionId === interactionId),
      `callback for interaction ${interactionId}`,
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = this.nextId();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  private waitFor<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        clearTimeout(timer);
        this.events.off("recorded", check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.events.off("recorded", check);
        reject(new Error(`FakeDiscord: waited for ${what}; requests so far: ${this.requests.join(", ")}`));
      }, timeoutMs);
      this.events.on("recorded", check);
      check();
    });
  }

  private readyEvents() {
    return {
      ready: {
        v: 10,
        user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: "fake-session",
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
      },
      after: [{ t: "GUILD_CREATE", d: this.guildPayload() }],
    };
  }

  private guildPayload() {
    return {
      id: this.guildId,
      name: "Parley test server",
      icon: null,
      owner_id: this.nextId(),
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        { id: this.guildId, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false },
        {
          id: this.botRoleId,
          name: this.bot.username,
          permissions: "0",
          position: 1,
          color: 0,
          hoist: false,
          managed: true,
          tags: { bot_id: this.bot.id },
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      channels: [
        { id: this.guildChannelId, type: 0, name: "general", position: 0, permission_overwrites: [] },
      ],
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname.replace(/^\/api\/v\d+/, "");
    this.requests.push(`${req.method} ${path}`);
    const reply = (status: number, body?: unknown) => {
      if (body === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      }
      this.events.emit("recorded");
    };
    const isInteraction = path.startsWith("/interactions/");
    // Interaction callbacks are authorised by their token in the path, everything else by the bot token.
    if (!isInteraction && req.headers.authorization !== `Bot ${this.token}`) {
      return reply(401, { message: "401: Unauthorized", code: 0 });
    }
    const body = await readJson(req);

    if (req.method === "GET" && path === "/gateway/bot") {
      return reply(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    let m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (req.method === "POST" && m?.[1] && this.rateLimits.left > 0) {
      this.rateLimits.left -= 1;
      const retryAfter = this.rateLimits.retryAfterSeconds;
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(retryAfter),
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": String(retryAfter),
        "x-ratelimit-bucket": "fake-messages-bucket",
        "x-ratelimit-scope": "user",
      });
      res.end(
        JSON.stringify({ message: "You are being rate limited.", retry_after: retryAfter, global: false }),
      );
      this.events.emit("recorded");
      return;
    }
    if (req.method === "POST" && m?.[1]) {
      const posted = this.recordMessage(m[1], body as Record<string, unknown>);
      return reply(200, { ...posted, author: this.bot, timestamp: new Date().toISOString(), type: 0 });
    }
    m = /^\/channels\/(\d+)\/typing$/.exec(path);
    if (req.method === "POST" && m?.[1]) {
      this.typing.push(m[1]);
      return reply(204);
    }
    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (req.method === "POST" && m?.[1]) {
      if (m[2] !== `interaction-token-${m[1]}`) return reply(401, { message: "Invalid token", code: 50027 });
      this.interactionCallbacks.push({ interactionId: m[1], body: body as InteractionCallback["body"] });
      return reply(204);
    }
    return reply(404, { message: "404: Not Found", code: 0 });
  }

  private recordMessage(channelId: string, body: Record<string, unknown>): PostedMessage {
    const posted: PostedMessage = {
      ...body,
      id: this.nextId(),
      channel_id: channelId,
      content: typeof body.content === "string" ? body.content : "",
      embeds: (body.embeds as PostedMessage["embeds"]) ?? [],
      components: (body.components as PostedMessage["components"]) ?? [],
    };
    this.messages.push(posted);
    return posted;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  if (!String(req.headers["content-type"] ?? "").includes("application/json")) {
    throw new Error(`FakeDiscord accepts JSON bodies only, got ${req.headers["content-type"]}`);
  }
  return JSON.parse(text);
}

export { user as fakeUser } from "./payloads.js";
