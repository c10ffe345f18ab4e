// Typed errors of the Teams channel. Messages name the setting or call at fault, never a secret.
import { ParleyError, type ParleyErrorOptions } from "@parley/core";

/** The Bot Connector refused or kept failing an activity (after every retry). */
export class TeamsSendError extends ParleyError {
  /** HTTP status of the last attempt, when the connector answered at all. */
  readonly status: number | undefined;

  constructor(message: string, status: number | undefined, options: ParleyErrorOptions = {}) {
    super("TEAMS_SEND_FAILED", message, options);
    this.status = status;
  }
}
