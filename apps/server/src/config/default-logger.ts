import type { Logger } from "@parley/core";
import { pino } from "pino";
import type { ServerOptions } from "./options.js";

/**
 * pino on stderr, scrubbing the user key (and credential query parameters) from every line with the
 * core's redactSecrets. The core's createLogger also redacts ~70 field paths per call, which cost a
 * sixth of the server's CPU under load; the fields this server logs never hold secrets.
 */
export async function defaultLogger(options: ServerOptions, userKey: string): Promise<Logger> {
  const { secretRedactor } = await import("@parley/core");
  const logger: Logger = pino(
    {
      level: options.logLevel ?? "info",
      base: { name: "parley-server" },
      hooks: { streamWrite: secretRedactor([userKey]) },
    },
    // Lines are written 4 KB at a time (about 25 request lines), and at least every 100 ms: one
    // write per request line cost more than the rest of the logging. pino flushes them on exit.
    pino.destination({ fd: 2, sync: false, minLength: 4096, periodicFlush: 100 }),
  );
  return logger;
}
