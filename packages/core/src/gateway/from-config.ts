// The validated core settings, mapped onto the pipeline's options, so `parley start` wires them in one line.
import { join } from "node:path";
import type { ParleyConfig } from "../config/index.js";
import type { TalkQueueOptions } from "../queue/index.js";

export interface PipelineSettings {
  /** For `new TalkQueue(...)`: the one queue of the process. */
  queue: TalkQueueOptions;
  busyReply: string;
  apologyReply: string;
  /** Where the SQLite interlocutor store lives: `<dataDir>/interlocutors.db`. */
  storePath: string;
}

export function pipelineSettings(config: ParleyConfig): PipelineSettings {
  return {
    queue: {
      concurrency: config.talk.concurrency,
      ...(config.talk.rate ? { rate: config.talk.rate } : {}),
      timeoutMs: config.talk.timeoutMs,
      retries: config.talk.retries,
      maxBacklog: config.queue.maxBacklog,
    },
    busyReply: config.replies.busy,
    apologyReply: config.replies.apology,
    storePath: join(config.dataDir, "interlocutors.db"),
  };
}
