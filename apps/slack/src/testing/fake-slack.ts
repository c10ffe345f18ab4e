// A local fake of Slack's Web API (real HTTP) and of Socket Mode (real WebSocket), for tests.
// It records what the bot posted, can answer 429 with Retry-After, and pushes Socket Mode envelopes.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface PostedMessage {
  channel: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  thread_ts?: string;
  ts: string;
}

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
}

export class FakeSlack {
  readonly posts: PostedMessage[] = [];
  /** Every Web API call in arrival order, including those answered 429. */
  readonly calls: Array<{ method: string; status: number }> = [];
  readonly teamId: string;
  readonly botUserId: string;
  readonly #events = new EventEmitter();
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #rateLimits: Array<number | null> = [];
  #tsCounter = 0;

  private constructor(private readonly opts: FakeSlackOptions) {
    this.teamId = opts.teamId ?? "T0TEAM";
    this.botUserId = opts.botUserId ?? "U0BOT";
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: "/socket-mode" });
    this.#wss.on("connection", (ws) => {
      this.#sockets.add(ws);
      ws.on("close", () => this.#sockets.delete(ws));
      ws.on("message", (data) => this.#events.emit("socket-message", JSON.parse(String(data))));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0APP" } }));
      this.#events.emit("socket-connected");
    });
  }

  static async start(opts: FakeSlackOptions): Promise<FakeSlack> {
    const fake = new FakeSlack(opts);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Base URL for SLACK_API_URL / slackApiUrl. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** The next postMessage calls get 429 with these Retry-After values (seconds), one each; null lets one through. */
  rateLimitNextPosts(...retryAfterSeconds: Array<number | null>): void {
    this.#rateLimits.push(...retryAfterSeconds);
  }

  /** Resolves once at least `count` messages were posted. */
  waitForPosts(count: number): Promise<PostedMessage[]> {
    return this.#waitFor(
      () => this.posts.length >= count,
      () => [...this.posts],
    );
  }

  /** Resolves once a Socket Mode client is connected. */
  waitForSocket(): Promise<void> {
    return this.#waitFor(
      () => this.#sockets.size > 0,
      () => undefined,
      "socket-connected",
    );
  }

  /** Sends a Socket Mode envelope; resolves with the client's ack (`{envelope_id, payload?}`). */
  async pushSocketEnvelope(
    type: "events_api" | "interactive",
    payload: unknown,
    retryAttempt = 0,
  ): Promise<{ envelope_id: string }> {
    const envelopeId = randomUUID();
    const acked = new Promise<{ envelope_id: string }>((resolve) => {
      const onMessage = (msg: { envelope_id?: string }) => {
        if (msg.envelope_id !== envelopeId) return;
        this.#events.off("socket-message", onMessage);
        resolve(msg as { envelope_id: string });
      };
      this.#events.on("socket-message", onMessage);
    });
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: false,
      retry_attempt: retryAttempt,
      retry_reason: retryAttempt ? "timeout" : "",
    };
    for (const ws of this.#sockets) ws.send(JSON.stringify(envelope));
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.#sockets) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #waitFor<T>(done: () => boolean, value: () => T, event = "change"): Promise<T> {
    return new Promise((resolve) => {
      if (done()) return resolve(value());
      const check = () => {
        if (!done()) return;
        this.#events.off(event, check);
        resolve(value());
      };
      this.#events.on(event, check);
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/api\//, "");
    const form = await readForm(req);
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? form.token;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ method, status });
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };

    if (method === "apps.connections.open") {
      if (token !== this.opts.appToken) return reply(200, { ok: false, error: "invalid_auth" });
      return reply(200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket-mode` });
    }
    if (token !== this.opts.botToken) return reply(200, { ok: false, error: "invalid_auth" });

    switch (method) {
      case "auth.test":
        return reply(200, {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake",
          team_id: this.teamId,
          user: "parley",
          user_id: this.botUserId,
          bot_id: "B0BOT",
        });
      case "chat.postMessage": {
        const retryAfter = this.#rateLimits.shift();
        if (retryAfter !== undefined && retryAfter !== null) {
          return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
        }
        this.#tsCounter += 1;
        const ts = `1700000000.${String(this.#tsCounter).padStart(6, "0")}`;
        const channel = form.channel ?? "";
        this.posts.push({
          channel,
          text: form.text ?? "",
          blocks: form.blocks ? JSON.parse(form.blocks) : [],
          ...(form.thread_ts ? { thread_ts: form.thread_ts } : {}),
          ts,
        });
        reply(200, { ok: true, channel, ts });
        this.#events.emit("change");
        return;
      }
      default:
        return reply(200, { ok: false, error: "unknown_method" });
    }
  }
}

/** The Web API client sends form fields (objects JSON-encoded) or, for some calls, JSON. */
async function readForm(req: IncomingMessage): Promise<Record<string, string | undefined>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) {
    const data = JSON.parse(raw || "{}") as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
