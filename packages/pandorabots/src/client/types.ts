// Public option and result types of the client.

export interface PandorabotsClientOptions {
  /** Default `https://api.pandorabots.com`; any Pandorabots-compatible server works. */
  baseUrl?: string;
  /** Application id: needed for every call but the botkey talk forms. */
  appId?: string;
  /** Application user key (secret): sent as `user_key`, never echoed in errors. */
  userKey?: string;
  /** A bot's public key (secret-ish): enables `talk` / `atalk` without app id and user key. */
  botkey?: string;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Where talk parameters travel: a form body (default, keeps input out of URLs) or the query string. */
  talkParamsIn?: "form" | "query";
  /** Injectable fetch (tests, proxies, instrumentation). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface TalkParams {
  /** Talk to this bot of the app (app id + user key form). Omit to use the client's botkey. */
  botname?: string;
  /** What the person said; may hold several sentences; at most 2000 characters. */
  input: string;
  client_name?: string;
  /** The session to continue (a 4-byte integer handed out by the service). */
  sessionid?: number | string;
  /** Return the matched pattern, that, topic, file name and template. */
  extra?: boolean;
  /** Return AIML trace data (the service refuses it together with client_name). */
  trace?: boolean;
  /** Discard the bot's memory of this client and start as if for the first time. */
  reset?: boolean;
  /** Use the previous compiled version if the bot is not compiled. */
  recent?: boolean;
  /** Force the bot to be reloaded into memory. */
  reload?: boolean;
  /** Debugging: override the bot's current `that`. */
  that?: string;
  /** Debugging: override the bot's current topic. */
  topic?: string;
  signal?: AbortSignal;
}

export interface TraceItem {
  status?: string;
  level?: number;
  input?: string;
  matched?: string;
  filename?: string;
  template?: string;
  [key: string]: unknown;
}

export interface TalkResponse {
  /** One entry per input sentence, raw (may hold rich-media markup). */
  responses: string[];
  /** The session id to send with the next call of this conversation. */
  sessionId: number | undefined;
  /** The client name: the one sent, or the one atalk created. */
  clientName: string | undefined;
  /** Present when `trace: true` was asked. */
  trace?: TraceItem[];
  /** Every other field the service returned (with `extra: true`: pattern, that, topic, filename, template). */
  extra: Record<string, unknown>;
}

export interface BotSummary {
  botname: string;
  [key: string]: unknown;
}

export interface FileEntry {
  name: string;
  [key: string]: unknown;
}

export interface BotFileList {
  botname: string;
  files: FileEntry[];
  sets: FileEntry[];
  maps: FileEntry[];
  substitutions: FileEntry[];
  properties: FileEntry[];
  pdefaults: FileEntry[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}
