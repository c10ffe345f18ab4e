// Sends rendered replies to the conversation's Bot Connector (the activity's serviceUrl) through the
// CloudAdapter, one conversation at a time and in order. The connector client's own pipeline already
// retries a few times; a reply still failing with 429 / 5xx is retried here with backoff (Retry-After
// honoured) before the rest of that reply is given up, so nothing is ever sent out of order.
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@parley/core";
import { type Activity, type CloudAdapter, type ConversationReference, TurnContext } from "botbuilder";
import { TeamsSendError } from "../errors.js";
import type { TeamsStep } from "../render/render-reply.js";
import { KeyedSerial } from "./keyed-serial.js";
import { backoffMs, describeFailure, type RetryOptions } from "./retry-policy.js";

export interface TeamsSenderOptions {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID ("" in unauthenticated local mode). */
  appId: string;
  logger: Logger;
  retry: RetryOptions;
}

export class TeamsSender {
  readonly #options: TeamsSenderOptions;
  readonly #serial = new KeyedSerial();

  constructor(options: TeamsSenderOptions) {
    this.#options = options;
  }

  deliver(reference: Partial<ConversationReference>, steps: readonly TeamsStep[]): Promise<void> {
    return this.#serial.run(keyOf(reference), async () => {
      for (const step of steps) {
        if (step.kind === "delay") {
          await this.#once(reference, { type: "typing" }).catch(() => {});
          await sleep(step.seconds * 1000);
        } else {
          await this.#withRetry(reference, step.activity);
        }
      }
    });
  }

  /** Shows "typing…"; skipped while the conversation is still receiving a reply. */
  async typing(reference: Partial<ConversationReference>): Promise<void> {
    if (this.#serial.busy(keyOf(reference))) return;
    await this.#once(reference, { type: "typing" });
  }

  drain(): Promise<void> {
    return this.#serial.drain();
  }

  async #withRetry(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    const { retry, logger } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#once(reference, activity);
        return;
      } catch (err) {
        const failure = describeFailure(err);
        const where = hostOf(reference.serviceUrl);
        if (!failure.retryable || attempt >= retry.maxRetries) {
          throw new TeamsSendError(
            `Bot Connector at ${where} refused a reply${failure.status ? ` (HTTP ${failure.status})` : ""}${
              failure.retryable ? ` after ${attempt + 1} attempts` : ""
            }`,
            failure.status,
            { cause: err },
          );
        }
        const wait = backoffMs(attempt, failure, retry);
        logger.warn(
          { status: failure.status, attempt: attempt + 1, waitMs: wait, host: where },
          "Bot Connector failed a reply; retrying",
        );
        await sleep(wait);
      }
    }
  }

  async #once(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    let failure: unknown;
    // The adapter hands errors thrown in a turn to onTurnError instead of rethrowing them: keep ours.
    await this.#options.adapter.continueConversationAsync(this.#options.appId, reference, async (context) => {
      try {
        // Addressed from our reference, not the synthetic continuation activity, so replyToId is the
        // person's message rather than the continuation's made-up id.
        const outgoing = TurnContext.applyConversationReference({ ...activity }, reference);
        await context.adapter.sendActivities(context, [outgoing]);
      } catch (err) {
        failure = err ?? new Error("sendActivity failed");
      }
    });
    if (failure) throw failure;
  }
}

function keyOf(reference: Partial<ConversationReference>): string {
  return `${reference.serviceUrl}\u0000${reference.conversation?.id}`;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : "(no serviceUrl)";
  } catch {
    return "(invalid serviceUrl)";
  }
}
