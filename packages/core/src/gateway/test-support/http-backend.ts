// A minimal HTTP talk backend for tests: what a real backend does with statuses and Retry-After,
// while network failures surface as undici's own errors (classified by the queue, not by us).
import { parseRetryAfter, TalkApiError } from "../../queue/index.js";
import type { TalkBackend, TalkRequest, TalkResult } from "../../types/index.js";

export class HttpTalkBackend implements TalkBackend {
  readonly name = "http-test";
  constructor(private readonly url: () => string) {}

  async talk(req: TalkRequest): Promise<TalkResult> {
    const res = await fetch(this.url(), {
      method: "POST",
      body: new URLSearchParams({ input: req.input }),
      signal: req.signal,
    });
    if (!res.ok) {
      throw new TalkApiError(`talk API answered ${res.status}`, {
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
      });
    }
    const body = (await res.json()) as { responses: string[] };
    return { responses: body.responses };
  }
}
