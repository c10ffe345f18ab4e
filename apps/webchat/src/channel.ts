// The web chat channel: a chat page and a JSON API, both answered through `gateway.ask`.
import type { Address, Channel, GatewayPort, HttpRoute, Logger, Reply } from "@parley/core";
import { messagesRoute } from "./api/messages-route.js";
import { WEBCHAT_DEFAULTS, type WebchatOptions } from "./options.js";
import { loadAssets } from "./page/assets.js";
import { pageRoutes } from "./page/page-routes.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

export interface WebchatChannel extends Channel {
  readonly name: "webchat";
  readonly routes: readonly HttpRoute[];
}

export function createWebchatChannel(options: WebchatOptions = {}): WebchatChannel {
  const maxText = options.maxText ?? WEBCHAT_DEFAULTS.maxText;
  if (!Number.isInteger(maxText) || maxText < 1) throw new RangeError("maxText must be a whole number ≥ 1");
  const logger = options.logger ?? silent;
  const assets = loadAssets({ title: options.title ?? WEBCHAT_DEFAULTS.title, maxText });

  let gateway: GatewayPort | undefined;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return work;
  };

  const routes = [
    ...pageRoutes(assets),
    messagesRoute({ maxText, logger, gateway: () => (stopping ? undefined : gateway), track }),
  ];

  return {
    name: "webchat",
    routes,
    async start(port) {
      gateway = port;
      stopping = false;
      logger.info({ maxText }, "web chat ready");
    },
    async stop() {
      stopping = true;
      await Promise.all(inFlight);
    },
    // Answers go back in the HTTP response (`ask`); the page has no push connection to deliver to.
    async send(to: Address, reply: Reply) {
      logger.debug(
        { conversation: to.conversationId, messages: reply.messages.length },
        "web chat cannot push; dropped",
      );
    },
  };
}
