// The Bot Framework SDK writes to the global console when it refuses a token (the error object, or
// "Available keys: <public key>"). Inside `routeSdkConsole` those writes go to our logger instead,
// summarised (no arguments verbatim, so nothing the SDK saw can leak); everywhere else the console
// behaves as before. AsyncLocalStorage scopes the routing to the one call, even with concurrent requests.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "@parley/core";

const METHODS = ["error", "warn", "log", "info", "debug"] as const;

const sink = new AsyncLocalStorage<Logger>();
// Per module instance: a second copy of this module (bundling, test isolation) wraps again over the first.
const ROUTED = Symbol("sdkConsoleRouted");

/** Runs `fn` with the SDK's console output sent to `logger` at debug level. */
export function routeSdkConsole<T>(logger: Logger, fn: () => Promise<T>): Promise<T> {
  ensureInstalled();
  return sink.run(logger, fn);
}

function ensureInstalled(): void {
  for (const method of METHODS) {
    const current = console[method] as ((...args: unknown[]) => void) & { [ROUTED]?: true };
    // Re-wrapped if something replaced the console method since (a test runner, another library).
    if (current[ROUTED]) continue;
    const routed = Object.assign(
      (...args: unknown[]): void => {
        const logger = sink.getStore();
        if (logger) {
          logger.debug({ sdkConsole: method, said: summarise(args) }, "Bot Framework SDK console output");
        } else {
          current.apply(console, args);
        }
      },
      { [ROUTED]: true as const },
    );
    console[method] = routed;
  }
}

/** Error names and messages, and the text of a string up to its first colon (what the SDK says, not what it quotes). */
function summarise(args: unknown[]): string {
  return args
    .map((arg) => {
      if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
      if (typeof arg === "string") return arg.split(":", 1)[0]?.slice(0, 120) ?? "";
      return typeof arg;
    })
    .join(" ");
}
