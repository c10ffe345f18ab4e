// Sends one request to the service and turns every failure into a typed error. Credentials travel
// only in the query string and are removed from anything an error carries.
import {
  PandorabotsAbortedError,
  PandorabotsBadRequestError,
  PandorabotsConflictError,
  type PandorabotsError,
  type PandorabotsErrorDetails,
  PandorabotsNetworkError,
  PandorabotsNotFoundError,
  PandorabotsPreconditionError,
  PandorabotsProtocolError,
  PandorabotsRateLimitError,
  PandorabotsServerError,
  PandorabotsTimeoutError,
  PandorabotsUnauthorizedError,
} from "./errors.js";
import { redactor } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { errorBodySchema } from "./schemas.js";

export interface HttpCall {
  method: "GET" | "PUT" | "POST" | "DELETE";
  /** Path with every segment already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: URLSearchParams;
  /** Raw body (file uploads). */
  body?: string;
  contentType?: string;
  /** For messages: "upload file greetings.aiml to bot mybot". */
  operation: string;
  file?: string;
  signal?: AbortSignal;
}

export interface HttpTransportOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  secrets: ReadonlyArray<string | undefined>;
}

export class HttpTransport {
  private readonly redact: (text: string) => string;

  constructor(private readonly options: HttpTransportOptions) {
    this.redact = redactor(options.secrets);
  }

  async json(call: HttpCall): Promise<unknown> {
    const res = await this.send(call);
    const text = await this.readText(res, call);
    if (text.trim() === "") return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new PandorabotsProtocolError(
        `Pandorabots: ${call.operation} answered ${res.status} with a body that is not JSON`,
        this.details(call, res.status),
      );
    }
  }

  async text(call: HttpCall): Promise<string> {
    return this.readText(await this.send(call), call);
  }

  async bytes(call: HttpCall): Promise<Uint8Array> {
    const res = await this.send(call);
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw this.transportError(err, call);
    }
  }

  private async send(call: HttpCall): Promise<Response> {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + call.path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = { accept: "application/json, */*" };
    let body: string | undefined;
    if (call.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = call.form.toString();
    } else if (call.body !== undefined) {
      headers["content-type"] = call.contentType ?? "text/plain; charset=utf-8";
      body = call.body;
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await this.options.fetch(url, { method: call.method, headers, body, signal });
    } catch (err) {
      throw this.transportError(err, call);
    }
    if (res.ok) return res;
    throw await this.statusError(res, call);
  }

  private async readText(res: Response, call: HttpCall): Promise<string> {
    try {
      return await res.text();
    } catch (err) {
      throw this.transportError(err, call);
    }
  }

  private transportError(err: unknown, call: HttpCall): PandorabotsError {
    if (call.signal?.aborted) {
      return new PandorabotsAbortedError(`Pandorabots: ${call.operation} was cancelled`, this.details(call));
    }
    const name = err instanceof Error ? err.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      return new PandorabotsTimeoutError(
        `Pandorabots: ${call.operation} got no answer within ${this.options.timeoutMs} ms`,
        { ...this.details(call), timeoutMs: this.options.timeoutMs },
      );
    }
    // fetch's own messages can quote the URL, and with it the user key: keep only a cleaned copy.
    const reason = this.redact(describe(err));
    return new PandorabotsNetworkError(
      `Pandorabots: ${call.operation} failed to reach the service: ${reason}`,
      {
        ...this.details(call),
        cause: new Error(reason),
      },
    );
  }

  private async statusError(res: Response, call: HttpCall): Promise<PandorabotsError> {
    let raw = "";
    try {
      raw = await res.text();
    } catch {
      // The status alone is enough to classify the failure.
    }
    let serverMessage: string | undefined;
    let results: unknown;
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(raw));
      if (parsed.success) {
        const m = parsed.data.message;
        serverMessage = typeof m === "string" ? m : m === undefined ? undefined : JSON.stringify(m);
        results = parsed.data.results;
      }
    } catch {
      serverMessage = raw.trim() === "" ? undefined : raw.trim().slice(0, 300);
    }
    if (serverMessage !== undefined) serverMessage = this.redact(serverMessage);
    const status = res.status;
    const details: PandorabotsErrorDetails = { ...this.details(call, status), serverMessage };
    const said = serverMessage ? `: ${serverMessage}` : "";
    const message = `Pandorabots: ${call.operation} failed with HTTP ${status}${said}`;
    switch (status) {
      case 400:
        return new PandorabotsBadRequestError(message, { ...details, results });
      case 401:
        return new PandorabotsUnauthorizedError(message, details);
      case 404:
        return new PandorabotsNotFoundError(message, details);
      case 409:
        return new PandorabotsConflictError(message, details);
      case 412:
        return new PandorabotsPreconditionError(message, details);
      case 429: {
        const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
        return new PandorabotsRateLimitError(message, { ...details, retryAfterMs });
      }
      default:
        if (status >= 500) return new PandorabotsServerError(message, details);
        return new PandorabotsProtocolError(message, details);
    }
  }

  private details(call: HttpCall, status?: number): PandorabotsErrorDetails {
    return { status, operation: call.operation, file: call.file };
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
  return `${err.message}${cause}`;
}
