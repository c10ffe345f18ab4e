// Sends requests to the channel the way Slack does: raw body signed with the signing secret (v0 HMAC).
import { createHmac } from "node:crypto";

export interface SlackPostOptions {
  signingSecret: string;
  /** Seconds since the epoch; now by default. Set it to test stale or future requests. */
  timestamp?: number;
  /** Sign with this secret instead (to test a bad signature). */
  signWith?: string;
  /** X-Slack-Retry-Num, as on Slack's redeliveries. */
  retryNum?: number;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Posts an Events API JSON body. */
export function postSlackEvent(url: string, payload: unknown, opts: SlackPostOptions): Promise<Response> {
  return postSigned(url, JSON.stringify(payload), "application/json", opts);
}

/** Posts an interactivity payload (block_actions) the way Slack does: form field `payload`. */
export function postSlackInteraction(
  url: string,
  payload: unknown,
  opts: SlackPostOptions,
): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, body, "application/x-www-form-urlencoded", opts);
}

async function postSigned(
  url: string,
  body: string,
  contentType: string,
  opts: SlackPostOptions,
): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(opts.signWith ?? opts.signingSecret, timestamp, body),
  };
  if (opts.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(opts.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body });
}
