// botbuilder's CloudAdapter, opened just enough to authenticate a request before the turn runs, so a
// bad token can be answered 401 (the adapter's own `process` answers 500 for a forged signature).
import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from "botbuilder";
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from "botframework-connector";

export class ParleyCloudAdapter extends CloudAdapter {
  readonly auth: BotFrameworkAuthentication;

  constructor(auth: BotFrameworkAuthentication) {
    super(auth);
    this.auth = auth;
  }

  /** Validates the request's JWT (or accepts anonymously in local mode); throws when it is not valid. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  /** Runs one turn for an activity already authenticated by `authenticate`. */
  runTurn(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
