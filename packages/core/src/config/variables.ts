// Every core setting as data: its environment variable, its key in parley.config.yaml, a description
// and its default. The README table and `parley --help` are generated from this list.

export interface ConfigVariable {
  /** Environment variable name. */
  name: string;
  /** Dotted key in the config file. */
  key: string;
  description: string;
  /** Default as a person would write it; undefined when unset means "not used". */
  default?: string;
  /** Values are credentials: never echoed in errors, logs or metrics. */
  secret?: boolean;
}

export const CONFIG_FILE_VARIABLE: ConfigVariable = {
  name: "PARLEY_CONFIG",
  key: "",
  description:
    "Path of the config file (YAML or JSON); default: parley.config.yaml, .yml or .json in the working directory, if present",
};

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    name: "PANDORABOTS_HOST",
    key: "pandorabots.host",
    description: "Base URL of the Pandorabots API or of any compatible server (e.g. `parley server`)",
    default: "https://api.pandorabots.com",
  },
  { name: "PANDORABOTS_APP_ID", key: "pandorabots.appId", description: "Pandorabots application id" },
  {
    name: "PANDORABOTS_USER_KEY",
    key: "pandorabots.userKey",
    description: "Pandorabots user key (with the app id: talk, atalk and bot management)",
    secret: true,
  },
  { name: "PANDORABOTS_BOTNAME", key: "pandorabots.botname", description: "Name of the bot to talk to" },
  {
    name: "PANDORABOTS_BOTKEY",
    key: "pandorabots.botkey",
    description: "The bot's public key: talk without app id and user key",
    secret: true,
  },
  {
    name: "PARLEY_DATA_DIR",
    key: "dataDir",
    description: "Directory for the SQLite database and other state (relative to the working directory)",
    default: "./data",
  },
  {
    name: "PARLEY_TALK_CONCURRENCY",
    key: "talk.concurrency",
    description: "Talk-API calls in flight at once, across every channel",
    default: "8",
  },
  {
    name: "PARLEY_TALK_RATE",
    key: "talk.rate",
    description: "Talk-API calls allowed per period, as your plan states it: `10/1s`, `600/1m`, `5/s`",
    default: "unlimited",
  },
  {
    name: "PARLEY_TALK_TIMEOUT_MS",
    key: "talk.timeoutMs",
    description: "Limit of one talk-API call, in milliseconds",
    default: "15000",
  },
  {
    name: "PARLEY_TALK_RETRIES",
    key: "talk.retries",
    description: "Retries of a failed talk-API call (network errors, 429, 5xx) after the first attempt",
    default: "3",
  },
  {
    name: "PARLEY_QUEUE_MAX_BACKLOG",
    key: "queue.maxBacklog",
    description: "Messages waiting for the bot beyond which new ones get the busy reply",
    default: "1000",
  },
  {
    name: "PARLEY_BUSY_REPLY",
    key: "replies.busy",
    description: "Sent when the backlog is full",
    default: "I'm getting a lot of messages right now. Please try again in a moment.",
  },
  {
    name: "PARLEY_APOLOGY_REPLY",
    key: "replies.apology",
    description: "Sent when the bot could not be reached after every retry",
    default: "Sorry, I can't answer right now. Please try again later.",
  },
  { name: "HOST", key: "http.host", description: "Address the HTTP listener binds", default: "127.0.0.1" },
  {
    name: "PORT",
    key: "http.port",
    description: "Port of the HTTP listener (0: any free port)",
    default: "3000",
  },
  {
    name: "PARLEY_PUBLIC_URL",
    key: "publicUrl",
    description:
      "Public base URL of the HTTP listener, for webhook registration (e.g. https://bot.example.com)",
  },
  {
    name: "LOG_LEVEL",
    key: "logLevel",
    description: "fatal, error, warn, info, debug, trace or silent",
    default: "info",
  },
];

export function defaultOf(key: string): string | undefined {
  return CONFIG_VARIABLES.find((v) => v.key === key)?.default;
}
