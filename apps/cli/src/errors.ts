// Exit codes the CLI promises: 0 ok, 1 failure, 2 usage.
export class UsageError extends Error {
  readonly code = "USAGE";
  readonly exitCode = 2;
}

export class CliFailure extends Error {
  readonly code = "FAILURE";
  readonly exitCode = 1;
}

export function exitCodeOf(err: unknown): number {
  if (err && typeof err === "object" && "exitCode" in err && typeof err.exitCode === "number")
    return err.exitCode;
  return 1;
}
