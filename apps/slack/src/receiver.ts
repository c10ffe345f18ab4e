// Bolt's receiver for each mode: Events API over the gateway's HTTP listener, or Socket Mode.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpRoute, Logger } from "@parley/core";
import { type Logger as BoltLogger, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { SlackMode } from "./config.js";

/** Slack signs a timestamp; older or newer than this and the request is refused as a replay. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** Largest request body read (Bolt's own default, pinned so the README's figure stays true): 413 above it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ReceiverSetup {
  receiver: HTTPReceiver | SocketModeReceiver;
  routes: HttpRoute[];
}

export interface ReceiverOptions {
  mode: SlackMode;
  apiUrl: string;
  path: string;
  boltLogger: BoltLogger;
  logger: Logger;
  /** False before start and after stop: Slack is told to retry later instead of losing the event. */
  isAccepting: () => boolean;
}

export function createReceiver(opts: ReceiverOptions): ReceiverSetup {
  if (opts.mode.kind === "socket") {
    const receiver = new SocketModeReceiver({
      appToken: opts.mode.appToken,
      logger: opts.boltLogger,
      // The Socket Mode client asks apps.connections.open for its WebSocket URL on this host.
      installerOptions: { clientOptions: { slackApiUrl: opts.apiUrl } },
    });
    return { receiver, routes: [] };
  }

  const receiver = new HTTPReceiver({
    signingSecret: opts.mode.signingSecret,
    endpoints: [opts.path],
    logger: opts.boltLogger,
    // Ack first (Slack wants it within 3 s), then the listener runs.
    processBeforeResponse: false,
    // Bolt answers 413 above this, 401 for a bad signature, 400 for a signed but malformed body.
    bodyLimit: MAX_BODY_BYTES,
  });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!opts.isAccepting()) return refuse(req, res, 503, "Slack channel not running");
    // Bolt only refuses old timestamps; a far-future one is just as much a replay risk.
    if (!isFresh(req.headers["x-slack-request-timestamp"])) {
      opts.logger.warn("Slack request refused: timestamp outside the 5-minute window");
      return refuse(req, res, 401, "");
    }
    // Bolt reads the raw body, checks x-slack-signature (401 if wrong), answers url_verification, acks.
    receiver.requestListener(req, res);
  };
  return { receiver, routes: [{ method: "POST", path: opts.path, handler }] };
}

function isFresh(header: string | string[] | undefined): boolean {
  const ts = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(ts)) return false;
  return Math.abs(Date.now() / 1000 - ts) <= REPLAY_WINDOW_SECONDS;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  req.resume();
  res.writeHead(status, status === 503 ? { "retry-after": "60" } : {});
  res.end(body);
}
