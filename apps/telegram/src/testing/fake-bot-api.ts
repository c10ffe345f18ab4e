// A local fake of the Telegram Bot API over real HTTP: telegraf talks to it exactly as to api.telegram.org.
// It records every call, serves long polling, delivers webhook posts and can answer with scripted errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBotUser {
  id: number;
  username: string;
  first_name: string;
}

export interface BotApiCall {
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON, inspected freely by tests
  params: Record<string, any>;
  /** What the fake answered (e.g. the sent Message, to press its buttons later). */
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON
  result?: any;
}

export interface BotApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

type Waiter = () => void;

export class FakeBotApi {
  readonly calls: BotApiCall[] = [];
  readonly bot: FakeBotUser;
  /** What the bot registered with setWebhook. */
  webhook: { url: string; secret?: string } | undefined;

  private readonly pending: Record<string, unknown>[] = [];
  private readonly failures = new Map<string, BotApiError[]>();
  private readonly waiters = new Set<Waiter>();
  private nextUpdateId = 1000;
  private nextMessageId = 5000;

  private constructor(
    private readonly server: Server,
    private readonly token: string,
    bot: FakeBotUser,
  ) {
    this.bot = bot;
  }

  static async start(options: { token: string; bot?: Partial<FakeBotUser> }): Promise<FakeBotApi> {
    const bot = { id: 777000111, username: "parley_test_bot", first_name: "Parley", ...options.bot };
    let fake: FakeBotApi | undefined;
    const server = createServer((req, res) => void fake?.handle(req, res));
    fake = new FakeBotApi(server, options.token, bot);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get apiRoot(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next `method` call is answered with `error` instead of succeeding (queue several for several). */
  failNext(method: string, error: BotApiError): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(error);
    this.failures.set(method, queue);
  }

  /** Queues an update for getUpdates (long polling). Returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number {
    const full = this.withId(update);
    this.pending.push(full);
    this.notify();
    return full.update_id as number;
  }

  /**
   * Posts an update to the registered webhook as Telegram does, with the registered secret header
   * unless `secret` overrides it (`null` sends none). Returns the HTTP status.
   */
  async postToWebhook(
    update: Record<string, unknown>,
    options: { secret?: string | null } = {},
  ): Promise<number> {
    if (!this.webhook) throw new Error("FakeBotApi: no webhook registered yet");
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const response = await fetch(this.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(this.withId(update)),
    });
    await response.arrayBuffer();
    return response.status;
  }

  callsOf(method: string): BotApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(
    method: string,
    match: (call: BotApiCall) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<BotApiCall> {
    return this.waitUntil(() => this.callsOf(method).find(match), `${method} call`, timeoutMs);
  }

  /** Resolves with the first `count` calls of `method` once that many arrived. */
  waitForCount(method: string, count: number, timeoutMs = 10_000): Promise<BotApiCall[]> {
    return this.waitUntil(
      () => {
        const calls = this.callsOf(method);
        return calls.length >= count ? calls.slice(0, count) : undefined;
      },
      `${count} ${method} calls`,
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check: Waiter = () => {
        const found = probe();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`FakeBotApi: timed out waiting for ${what}; saw ${this.calls.map((c) => c.method)}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Ids only grow, as Telegram's do; an explicit id (a redelivery) is kept as given. */
  private withId(update: Record<string, unknown>): Record<string, unknown> {
    const id = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.nextUpdateId = Math.max(this.nextUpdateId, id + 1);
    return { ...update, update_id: id };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (!match || match[1] !== this.token) {
      return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const method = match[2] as string;
    const params = await readJson(req);
    const call: BotApiCall = { method, params };
    const failure = this.failures.get(method)?.shift();
    if (!failure && method !== "getUpdates") call.result = this.result(method, params);
    this.calls.push(call);
    this.notify();

    if (failure) return send(res, failure.error_code, { ok: false, ...failure });
    if (method === "getUpdates") return this.getUpdates(params, req, res);
    return send(res, 200, { ok: true, result: call.result });
  }

  // biome-ignore lint/suspicious/noExplicitAny: Bot API parameters are loosely typed JSON
  private result(method: string, params: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return { ...this.bot, is_bot: true, can_join_groups: true, can_read_all_group_messages: false };
      case "setWebhook":
        this.webhook = { url: params.url, ...(params.secret_token ? { secret: params.secret_token } : {}) };
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        return true;
      case "sendMessage":
      case "sendPhoto":
      case "sendVideo":
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: Number(params.chat_id) < 0 ? "supergroup" : "private" },
          from: { ...this.bot, is_bot: true },
          ...(method === "sendMessage" ? { text: params.text } : {}),
          ...(params.caption ? { caption: params.caption } : {}),
        };
      default:
        return true;
    }
  }

  /** Long polling: answers at once when updates wait, else holds the request until one is pushed. */
  // biome-ignore lint/suspicious/noExplicitAny: Bot API parameters are loosely typed JSON
  private getUpdates(params: Record<string, any>, req: IncomingMessage, res: ServerResponse): void {
    const offset = Number(params.offset ?? 0);
    // Updates below the offset are confirmed: Telegram forgets them.
    while (this.pending.length > 0 && Number(this.pending[0]?.update_id) < offset) this.pending.shift();
    const limit = Number(params.limit ?? 100);
    const ready = () => this.pending.filter((u) => Number(u.update_id) >= offset).slice(0, limit);
    if (ready().length > 0 || !params.timeout) {
      send(res, 200, { ok: true, result: ready() });
      return;
    }
    const wake: Waiter = () => {
      const updates = ready();
      if (updates.length === 0 && this.server.listening) return;
      done();
      send(res, 200, { ok: true, result: updates });
    };
    const timer = setTimeout(() => {
      done();
      send(res, 200, { ok: true, result: [] });
    }, Number(params.timeout) * 1000);
    const done = () => {
      clearTimeout(timer);
      this.waiters.delete(wake);
    };
    this.waiters.add(wake);
    req.on("close", done);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (!body) return {};
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { _raw: body };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
