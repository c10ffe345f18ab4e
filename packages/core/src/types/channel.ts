// The contract between the core and each channel app.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Address, Inbound } from "./inbound.js";
import type { Reply } from "./reply.js";

/** What a channel may call on the gateway. */
export interface GatewayPort {
  /**
   * Accepts one inbound message. Resolves once it is accepted (deduped, queued), not when answered:
   * the answer arrives later through `Channel.send`. Rejects only on invalid input.
   */
  receive(inbound: Inbound): Promise<ReceiveOutcome>;
  /**
   * Like `receive`, but resolves with the reply once the bot has answered (the web chat's JSON API
   * uses it). The reply is NOT also passed to `Channel.send`.
   */
  ask(inbound: Inbound): Promise<AskResult>;
}

export type ReceiveOutcome = { status: "accepted" } | { status: "duplicate" } | { status: "busy" };

export interface AskResult {
  interlocutor: { id: string; clientName: string | null };
  reply: Reply;
}

/** A raw HTTP route a channel serves on the gateway's one listener (webhooks, web chat). */
export interface HttpRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Exact path, or a prefix when it ends with `/*`. */
  path: string;
  /** Node's own request/response: the body is unread, so signature checks can see the raw bytes. */
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface Channel {
  readonly name: string;
  /** Routes to mount on the gateway's HTTP listener, if the channel uses webhooks or serves pages. */
  readonly routes?: readonly HttpRoute[];
  start(gateway: GatewayPort): Promise<void>;
  /** Stop taking new messages; finish sending what was accepted. */
  stop(): Promise<void>;
  send(to: Address, reply: Reply): Promise<void>;
  typing?(to: Address): Promise<void>;
}
