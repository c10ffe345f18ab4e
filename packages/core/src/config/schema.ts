// The one schema of the core settings, in the shape of the config file; env vars map onto its keys.
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "../observability/index.js";
import { baseUrl, rate, text, wholeNumber } from "./setting-types.js";
import { defaultOf } from "./variables.js";

function def(key: string): string {
  const value = defaultOf(key);
  if (value === undefined) throw new Error(`no default declared for ${key}`);
  return value;
}

const levelMessage = `must be one of ${LOG_LEVELS.join(", ")}`;

export const configSchema = z
  .strictObject({
    pandorabots: z
      .strictObject({
        host: baseUrl().default(def("pandorabots.host")),
        appId: text().optional(),
        userKey: text().optional(),
        botname: text()
          .regex(/^[a-z0-9]{3,64}$/, "must be 3 to 64 lowercase letters and digits")
          .optional(),
        botkey: text().optional(),
      })
      .prefault({}),
    dataDir: text().default(def("dataDir")),
    talk: z
      .strictObject({
        concurrency: wholeNumber(1, 1000).default(Number(def("talk.concurrency"))),
        rate: rate().optional(),
        timeoutMs: wholeNumber(100, 600_000).default(Number(def("talk.timeoutMs"))),
        retries: wholeNumber(0, 20).default(Number(def("talk.retries"))),
      })
      .prefault({}),
    queue: z
      .strictObject({ maxBacklog: wholeNumber(1, 10_000_000).default(Number(def("queue.maxBacklog"))) })
      .prefault({}),
    replies: z
      .strictObject({
        busy: text().default(def("replies.busy")),
        apology: text().default(def("replies.apology")),
      })
      .prefault({}),
    http: z
      .strictObject({
        host: text().default(def("http.host")),
        port: wholeNumber(0, 65_535).default(Number(def("http.port"))),
      })
      .prefault({}),
    publicUrl: baseUrl().optional(),
    // Channel settings by their environment variable names (TELEGRAM_BOT_TOKEN: ...), so a deployment
    // can keep them in the file too; each channel package reads and validates its own.
    channels: z
      .record(
        z
          .string()
          .regex(/^[A-Z][A-Z0-9_]*$/, "names channel settings by their variable, e.g. TELEGRAM_BOT_TOKEN"),
        z.union([z.string(), z.number(), z.boolean()]).transform(String),
      )
      .default({}),
    logLevel: z
      .string({ error: levelMessage })
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS as [LogLevel, ...LogLevel[]], levelMessage))
      .default(def("logLevel") as LogLevel),
  })
  .superRefine((config, ctx) => {
    const { appId, userKey } = config.pandorabots;
    if (userKey && !appId)
      ctx.addIssue({
        code: "custom",
        path: ["pandorabots", "appId"],
        message: "is required with a user key",
      });
    if (appId && !userKey && !config.pandorabots.botkey)
      ctx.addIssue({
        code: "custom",
        path: ["pandorabots", "userKey"],
        message: "is required with an app id (or set a botkey instead)",
      });
  });

export type ParleyConfig = z.output<typeof configSchema> & {
  /** Absolute path of the config file that was read, if any. */
  configFile?: string;
};
