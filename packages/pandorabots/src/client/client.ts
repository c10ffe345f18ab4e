// The whole AIaaS API: bots, files, compile, talk and atalk (app id + user key, or botkey).
import { PandorabotsProtocolError, PandorabotsValidationError } from "./errors.js";
import { displayFileName, type FileKind, isNamedKind, kindPathSegment } from "./file-kinds.js";
import { HttpTransport } from "./http.js";
import { botListSchema, fileListSchema, talkResponseSchema } from "./schemas.js";
import { encodeTalkParams } from "./talk-params.js";
import type {
  BotFileList,
  BotSummary,
  PandorabotsClientOptions,
  RequestOptions,
  TalkParams,
  TalkResponse,
} from "./types.js";
import { assertBotName, assertFileRef } from "./validate.js";

export const DEFAULT_BASE_URL = "https://api.pandorabots.com";
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface VerifyResult {
  status: string;
  [key: string]: unknown;
}

export class PandorabotsClient {
  readonly baseUrl: string;
  readonly appId: string | undefined;
  private readonly userKey: string | undefined;
  private readonly botkey: string | undefined;
  private readonly talkParamsIn: "form" | "query";
  private readonly http: HttpTransport;

  constructor(options: PandorabotsClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.appId = options.appId || undefined;
    this.userKey = options.userKey || undefined;
    this.botkey = options.botkey || undefined;
    this.talkParamsIn = options.talkParamsIn ?? "form";
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new PandorabotsValidationError(
        "timeoutMs",
        `timeoutMs must be a positive number (got ${timeoutMs})`,
      );
    }
    try {
      new URL(this.baseUrl);
    } catch {
      throw new PandorabotsValidationError("baseUrl", `baseUrl is not a valid URL: "${this.baseUrl}"`);
    }
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.http = new HttpTransport({
      baseUrl: this.baseUrl,
      timeoutMs,
      fetch: fetchImpl,
      secrets: [this.userKey, this.botkey],
    });
  }

  /** Whether app id and user key are set (needed for everything but the botkey talk forms). */
  get hasAppCredentials(): boolean {
    return this.appId !== undefined && this.userKey !== undefined;
  }

  get hasBotkey(): boolean {
    return this.botkey !== undefined;
  }

  // --- bots ---------------------------------------------------------------------------------------

  async listBots(options: RequestOptions = {}): Promise<BotSummary[]> {
    const body = await this.http.json({
      method: "GET",
      path: this.appPath(),
      query: this.auth(),
      operation: "list bots",
      signal: options.signal,
    });
    return this.parse(botListSchema, body, "list bots");
  }

  async createBot(botname: string, options: RequestOptions = {}): Promise<void> {
    assertBotName(botname);
    await this.http.json({
      method: "PUT",
      path: this.botPath(botname),
      query: this.auth(),
      operation: `create bot ${botname}`,
      signal: options.signal,
    });
  }

  async deleteBot(botname: string, options: RequestOptions = {}): Promise<void> {
    assertBotName(botname);
    await this.http.json({
      method: "DELETE",
      path: this.botPath(botname),
      query: this.auth(),
      operation: `delete bot ${botname}`,
      signal: options.signal,
    });
  }

  // --- files --------------------------------------------------------------------------------------

  async listFiles(botname: string, options: RequestOptions = {}): Promise<BotFileList> {
    assertBotName(botname);
    const body = await this.http.json({
      method: "GET",
      path: this.botPath(botname),
      query: this.auth(),
      operation: `list files of bot ${botname}`,
      signal: options.signal,
    });
    const list = this.parse(fileListSchema, body, `list files of bot ${botname}`);
    return { ...list, botname: list.botname ?? botname };
  }

  /** Every file of the bot as one zip archive (`?return=zip`). */
  async downloadZip(botname: string, options: RequestOptions = {}): Promise<Uint8Array> {
    assertBotName(botname);
    return this.http.bytes({
      method: "GET",
      path: this.botPath(botname),
      query: { ...this.auth(), return: "zip" },
      operation: `download bot ${botname} as zip`,
      signal: options.signal,
    });
  }

  /**
   * Uploads (or overwrites) a file. `name` is required for aiml, set, map and substitution and must
   * be omitted for properties and pdefaults; it never carries the extension.
   */
  async uploadFile(
    botname: string,
    kind: FileKind,
    name: string | undefined,
    content: string,
    options: RequestOptions = {},
  ): Promise<void> {
    assertBotName(botname);
    assertFileRef(kind, name);
    if (typeof content !== "string") {
      throw new PandorabotsValidationError("content", "file content must be a string");
    }
    const file = displayFileName(kind, name, botname);
    await this.http.json({
      method: "PUT",
      path: this.filePath(botname, kind, name),
      query: this.auth(),
      body: content,
      contentType: kind === "aiml" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8",
      operation: `upload ${file} to bot ${botname}`,
      file,
      signal: options.signal,
    });
  }

  /** The file's content, exactly as stored. */
  async getFile(
    botname: string,
    kind: FileKind,
    name?: string,
    options: RequestOptions = {},
  ): Promise<string> {
    assertBotName(botname);
    assertFileRef(kind, name);
    const file = displayFileName(kind, name, botname);
    return this.http.text({
      method: "GET",
      path: this.filePath(botname, kind, name),
      query: this.auth(),
      operation: `get ${file} of bot ${botname}`,
      file,
      signal: options.signal,
    });
  }

  async deleteFile(
    botname: string,
    kind: FileKind,
    name?: string,
    options: RequestOptions = {},
  ): Promise<void> {
    assertBotName(botname);
    assertFileRef(kind, name);
    const file = displayFileName(kind, name, botname);
    await this.http.json({
      method: "DELETE",
      path: this.filePath(botname, kind, name),
      query: this.auth(),
      operation: `delete ${file} of bot ${botname}`,
      file,
      signal: options.signal,
    });
  }

  /**
   * Compiles the bot. Compile errors reject with a PandorabotsBadRequestError whose `results` holds
   * the service's list of problems.
   */
  async verify(botname: string, options: RequestOptions = {}): Promise<VerifyResult> {
    assertBotName(botname);
    const body = await this.http.json({
      method: "GET",
      path: `${this.botPath(botname)}/verify`,
      query: this.auth(),
      operation: `compile bot ${botname}`,
      signal: options.signal,
    });
    const record = (body ?? {}) as Record<string, unknown>;
    return { ...record, status: typeof record.status === "string" ? record.status : "ok" };
  }

  // --- talk ---------------------------------------------------------------------------------------

  /** Talks to a bot: `botname` set -> `/talk/{app_id}/{botname}` with the user key; else the botkey form. */
  talk(params: TalkParams): Promise<TalkResponse> {
    return this.converse("talk", params);
  }

  /**
   * Anonymous talk: without `client_name`, the service creates one (`aiaas-{app_id}-user-{nnnn}`)
   * whose predicates persist; use it with `talk` from then on.
   */
  atalk(params: TalkParams): Promise<TalkResponse> {
    return this.converse("atalk", params);
  }

  private async converse(endpoint: "talk" | "atalk", params: TalkParams): Promise<TalkResponse> {
    const encoded = encodeTalkParams(params);
    let path: string;
    let credentials: Record<string, string>;
    let target: string;
    if (params.botname !== undefined) {
      assertBotName(params.botname);
      path = `/${endpoint}/${seg(this.requireAppId())}/${seg(params.botname)}`;
      credentials = { user_key: this.requireUserKey() };
      target = `bot ${params.botname}`;
    } else if (this.botkey !== undefined) {
      path = `/${endpoint}`;
      credentials = { botkey: this.botkey };
      target = "the botkey's bot";
    } else {
      throw new PandorabotsValidationError(
        "botname",
        `${endpoint} needs a botname (with app id and user key) or a client configured with a botkey`,
      );
    }
    const operation = `${endpoint} to ${target}`;
    const body = await this.http.json({
      method: "POST",
      path,
      query: this.talkParamsIn === "query" ? { ...credentials, ...Object.fromEntries(encoded) } : credentials,
      form: this.talkParamsIn === "form" ? encoded : undefined,
      operation,
      signal: params.signal,
    });
    const parsed = this.parse(talkResponseSchema, body, operation);
    const { status: _status, responses, sessionid, client_name, trace, ...extra } = parsed;
    const sessionId = sessionid === undefined ? undefined : Number(sessionid);
    return {
      responses,
      sessionId: Number.isFinite(sessionId) ? sessionId : undefined,
      clientName: client_name ?? params.client_name,
      ...(trace ? { trace } : {}),
      extra,
    };
  }

  // --- helpers ------------------------------------------------------------------------------------

  private parse<T>(
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    body: unknown,
    operation: string,
  ): T {
    const result = schema.safeParse(body);
    if (!result.success) {
      throw new PandorabotsProtocolError(
        `Pandorabots: ${operation} returned a body the API does not document`,
        { operation },
      );
    }
    return result.data;
  }

  private auth(): Record<string, string> {
    return { user_key: this.requireUserKey() };
  }

  private appPath(): string {
    return `/bot/${seg(this.requireAppId())}`;
  }

  private botPath(botname: string): string {
    return `${this.appPath()}/${seg(botname)}`;
  }

  private filePath(botname: string, kind: FileKind, name: string | undefined): string {
    const base = `${this.botPath(botname)}/${kindPathSegment(kind)}`;
    if (!isNamedKind(kind)) return base;
    // AIML keeps its extension in the path; sets, maps and substitutions do not.
    return `${base}/${seg(kind === "aiml" ? `${name}.aiml` : (name ?? ""))}`;
  }

  private requireAppId(): string {
    if (this.appId === undefined) {
      throw new PandorabotsValidationError("appId", "no app id configured (set PANDORABOTS_APP_ID)");
    }
    return this.appId;
  }

  private requireUserKey(): string {
    if (this.userKey === undefined) {
      throw new PandorabotsValidationError("userKey", "no user key configured (set PANDORABOTS_USER_KEY)");
    }
    return this.userKey;
  }
}

function seg(value: string): string {
  return encodeURIComponent(value);
}
