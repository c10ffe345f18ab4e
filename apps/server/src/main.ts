// Runs the server alone: `node dist/main.js [--port N] [--data-dir DIR] [--host H]`.
// `parley server` does the same through startServer; this entry point is for self-hosting and the bench.
import { parseArgs } from "node:util";
import { serverOptionsFromEnv } from "./config/options.js";
import { startServer } from "./server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "data-dir": { type: "string" },
    host: { type: "string" },
    "no-demo": { type: "boolean" },
  },
});

const options = serverOptionsFromEnv();
if (values.port !== undefined) options.port = Number(values.port);
if (values["data-dir"] !== undefined) options.dataDir = values["data-dir"];
if (values.host !== undefined) options.host = values.host;
if (values["no-demo"]) options.demoBot = false;

const server = await startServer(options);
process.stdout.write(`Parley server listening on ${server.url} (app id ${server.appId})\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: finishing in-flight requests\n`);
  await server.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
