import { expect, it } from "vitest";
import { configSchema } from "../config/index.js";
import { pipelineSettings } from "./from-config.js";

it("maps the validated config onto queue options, canned replies and the store path", () => {
  const config = configSchema.parse({
    dataDir: "/var/lib/parley",
    talk: { concurrency: 4, rate: "600/1m", timeoutMs: 5000, retries: 2 },
    queue: { maxBacklog: 50 },
    replies: { busy: "Busy!", apology: "Oops." },
  });
  expect(pipelineSettings(config)).toEqual({
    queue: {
      concurrency: 4,
      rate: { limit: 600, intervalMs: 60_000 },
      timeoutMs: 5000,
      retries: 2,
      maxBacklog: 50,
    },
    busyReply: "Busy!",
    apologyReply: "Oops.",
    storePath: "/var/lib/parley/interlocutors.db",
  });
  // No rate configured: unlimited, not a zero rate.
  expect(pipelineSettings(configSchema.parse({})).queue).not.toHaveProperty("rate");
});
