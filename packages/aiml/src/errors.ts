/** respond() was given something that is not a ClientState (for example a corrupt persisted value). */
export class InvalidClientStateError extends Error {
  readonly code = "AIML_INVALID_STATE";
  constructor(detail: string) {
    super(`respond(state, input): ${detail}; pass bot.newClientState() or a state it returned`);
    this.name = "InvalidClientStateError";
  }
}
