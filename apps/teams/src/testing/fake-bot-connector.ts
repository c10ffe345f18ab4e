// A local stand-in for Microsoft's side of a Teams bot, over real HTTP: the Bot Connector service a
// reply is posted to (named by the activity's serviceUrl), the OpenID metadata and signing keys the
// bot checks incoming tokens against, and a token endpoint for the bot's own credentials.
import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Activity } from "botbuilder";
import jwt from "jsonwebtoken";

export interface ReceivedActivity {
  conversationId: string;
  /** Set when the bot replied to an activity (POST .../activities/{replyToId}). */
  replyToId: string | undefined;
  activity: Partial<Activity>;
  authorization: string | undefined;
}

export interface InjectedFailure {
  status: number;
  retryAfter?: string;
}

export interface FakeBotConnectorOptions {
  /** The bot's app id and password: when set, replies must carry a token this fake issued for them. */
  app?: { id: string; password: string };
}

const KEY_ID = "parley-fake-key";

export class FakeBotConnector {
  readonly url: string;
  /** What the bot gets as `serviceUrl`; Teams' look like https://smba.trafficmanager.net/amer/. */
  readonly serviceUrl: string;
  /** The `iss` of the tokens this fake signs. */
  readonly issuer: string;
  readonly openIdMetadataUrl: string;
  /** The AAD authority stand-in: tokens for the bot's replies come from `${loginUrl}/oauth2/v2.0/token`. */
  readonly loginUrl: string;
  readonly received: ReceivedActivity[] = [];
  /** Attempts at posting an activity, failed ones included, in arrival order. */
  readonly attempts: { status: number; text: string | undefined }[] = [];
  readonly #server: Server;
  readonly #privateKey: KeyObject;
  readonly #jwk: Record<string, unknown>;
  readonly #app: FakeBotConnectorOptions["app"];
  readonly #issuedTokens = new Set<string>();
  readonly #failures: InjectedFailure[] = [];
  #waiters: (() => void)[] = [];

  private constructor(server: Server, options: FakeBotConnectorOptions) {
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.serviceUrl = `${this.url}/amer/`;
    this.issuer = `${this.url}/issuer`;
    this.openIdMetadataUrl = `${this.url}/v1/.well-known/openidconfiguration`;
    this.loginUrl = `${this.url}/botframework.com`;
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    this.#privateKey = privateKey;
    this.#jwk = publicKey.export({ format: "jwk" }) as Record<string, unknown>;
    this.#app = options.app;
  }

  static async start(options: FakeBotConnectorOptions = {}): Promise<FakeBotConnector> {
    let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
      res.writeHead(503).end();
    };
    const server = createServer((req, res) => {
      void handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const fake = new FakeBotConnector(server, options);
    handle = (req, res) => fake.#handle(req, res);
    return fake;
  }

  /** A Bot Connector token for a request to the bot, signed with this fake's published key. */
  channelToken(claims: { appId: string; serviceUrl?: string; expiresInSeconds?: number }): string {
    return signToken(this.#privateKey, KEY_ID, {
      iss: this.issuer,
      aud: claims.appId,
      serviceurl: claims.serviceUrl ?? this.serviceUrl,
      expiresInSeconds: claims.expiresInSeconds ?? 3600,
    });
  }

  /** The next posts answer these statuses, in order, before posts succeed again. */
  failNext(...failures: InjectedFailure[]): void {
    this.#failures.push(...failures);
  }

  /** Message activities received (typing left out), in order. */
  get messages(): ReceivedActivity[] {
    return this.received.filter((r) => r.activity.type === "message");
  }

  /** Resolves with the message activities once at least `count` have arrived. */
  async waitForMessages(count: number, timeoutMs = 10_000): Promise<ReceivedActivity[]> {
    await this.#waitUntil(() => this.messages.length >= count, timeoutMs, `${count} message(s)`);
    return this.messages;
  }

  async waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    await this.#waitUntil(check, timeoutMs, what);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `fake Bot Connector: gave up waiting for ${what}; got ${JSON.stringify(this.received.map((r) => r.activity.type))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", this.url).pathname;
    const body = await readBody(req);
    if (req.method === "GET" && path === "/v1/.well-known/openidconfiguration") {
      return json(res, 200, {
        issuer: this.issuer,
        jwks_uri: `${this.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (req.method === "GET" && path === "/v1/.well-known/keys") {
      // Like the real document: each key lists the channels it may sign for.
      return json(res, 200, {
        keys: [
          { ...this.#jwk, kid: KEY_ID, use: "sig", alg: "RS256", endorsements: ["msteams", "emulator"] },
        ],
      });
    }
    if (req.method === "POST" && path === "/botframework.com/oauth2/v2.0/token") {
      const form = new URLSearchParams(body);
      if (
        !this.#app ||
        form.get("client_id") !== this.#app.id ||
        form.get("client_secret") !== this.#app.password
      ) {
        return json(res, 401, { error: "invalid_client" });
      }
      const token = `fake-access-${randomUUID()}`;
      this.#issuedTokens.add(token);
      return json(res, 200, { token_type: "Bearer", expires_in: 3600, access_token: token });
    }
    const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (req.method === "POST" && match?.[1]) {
      const activity = JSON.parse(body) as Partial<Activity>;
      if (this.#app && !this.#issuedTokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""))) {
        this.attempts.push({ status: 401, text: activity.text });
        return json(res, 401, { error: { code: "Unauthorized", message: "bad bot token" } });
      }
      const failure = activity.type === "message" ? this.#failures.shift() : undefined;
      if (failure) {
        this.attempts.push({ status: failure.status, text: activity.text });
        const headers: Record<string, string> = failure.retryAfter
          ? { "retry-after": failure.retryAfter }
          : {};
        return json(
          res,
          failure.status,
          { error: { code: "Injected", message: "injected failure" } },
          headers,
        );
      }
      this.attempts.push({ status: 200, text: activity.text });
      this.received.push({
        conversationId: decodeURIComponent(match[1]),
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        activity,
        authorization: req.headers.authorization,
      });
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake();
      return json(res, 200, { id: `reply-${this.received.length}` });
    }
    return json(res, 404, { error: "not found" });
  }
}

/** Signs a Bot Framework style token (RS256, `kid` header) with any key: also used to forge bad ones. */
export function signToken(
  key: KeyObject,
  kid: string,
  claims: { iss: string; aud: string; serviceurl: string; expiresInSeconds: number },
): string {
  const { expiresInSeconds, ...payload } = claims;
  return jwt.sign(payload, key, { algorithm: "RS256", keyid: kid, expiresIn: expiresInSeconds });
}

/** A key nobody published, for forged tokens. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
}

export { KEY_ID as FAKE_KEY_ID };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
