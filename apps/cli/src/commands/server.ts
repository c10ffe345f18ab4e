// parley server: the Pandorabots-compatible server alone.
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { onShutdownSignal } from "../signals.js";

export function registerServer(program: Command, io: Io): void {
  program
    .command("server")
    .description("run the Pandorabots-compatible talk server alone (the same API as api.pandorabots.com)")
    .addOption(new Option("--port <port>", "port to listen on (default 8011)").env("PARLEY_SERVER_PORT"))
    .addOption(new Option("--host <host>", "address to bind (default 127.0.0.1)").env("PARLEY_SERVER_HOST"))
    .addOption(
      new Option("--data-dir <dir>", "where bots, clients and the user key are kept (default ./data)").env(
        "PARLEY_DATA_DIR",
      ),
    )
    .addHelpText(
      "after",
      "\nAlso: PARLEY_SERVER_APP_ID (default parley), PARLEY_SERVER_USER_KEY (generated and stored on first start when unset),\nPARLEY_SERVER_TALK_PER_MINUTE, PARLEY_SERVER_MAX_ANON_CLIENTS, PARLEY_SERVER_MAX_BOTS (0 = unlimited),\nPARLEY_SERVER_TALK_WORKERS (threads that run talk turns; 0 = the HTTP thread, the default up to 2 cores; else one per core, at most 4),\nPARLEY_SERVER_LOG_RETENTION_DAYS (default 30; 0 keeps the conversation log for good).\n\nExample:\n  $ parley server --port 8011 --data-dir ./data\n  $ curl -X POST 'http://127.0.0.1:8011/atalk/parley/parley?user_key=KEY&input=hello'",
    )
    .action(async (flags: { port?: string; host?: string; dataDir?: string }) => {
      const { DEMO_BOT_NAME, serverOptionsFromEnv, startServer } = await import("@parley/server");
      // LOG_LEVEL, the name every other command uses, applies here too unless PARLEY_LOG_LEVEL says otherwise.
      const options = serverOptionsFromEnv({ PARLEY_LOG_LEVEL: io.env.LOG_LEVEL, ...io.env });
      if (flags.port !== undefined) {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65_535)
          throw new UsageError(`--port: not a port number: ${flags.port}`);
        options.port = port;
      }
      if (flags.host) options.host = flags.host;
      options.dataDir = resolve(io.cwd, flags.dataDir ?? options.dataDir);
      const server = await startServer(options);
      io.out(`Pandorabots-compatible server listening on ${server.url}`);
      io.out(`  app id ${server.appId}; data in ${options.dataDir}`);
      if (server.demoBot.loaded) io.out(`  demo bot "${DEMO_BOT_NAME}" created and compiled`);
      await new Promise<void>((done) => {
        onShutdownSignal(async () => {
          await server.close();
          done();
        });
      });
    });
}
