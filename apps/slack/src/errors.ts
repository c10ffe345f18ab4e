// Typed errors of the Slack channel. Messages name the variable or call at fault, never a token.
import { ParleyError, type ParleyErrorOptions } from "@parley/core";

/** Slack refused the bot token or the app token when the channel started. */
export class SlackAuthError extends ParleyError {
  constructor(message: string, options: ParleyErrorOptions = {}) {
    super("SLACK_AUTH_FAILED", message, options);
  }
}

/** A Web API call failed for good (after waiting out rate limits). */
export class SlackSendError extends ParleyError {
  constructor(message: string, options: ParleyErrorOptions = {}) {
    super("SLACK_SEND_FAILED", message, options);
  }
}

/** The Web API could not be reached at all (network, DNS, a wrong SLACK_API_URL). */
export class SlackUnreachableError extends ParleyError {
  constructor(message: string, options: ParleyErrorOptions = {}) {
    super("SLACK_UNREACHABLE", message, options);
  }
}
