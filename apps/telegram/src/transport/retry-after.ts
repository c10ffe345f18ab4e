// Telegram's flood control: a 429 says how long to wait; the message is resent once after that.

/** Seconds Telegram asked us to wait, when `error` is a 429 from the Bot API. */
export function retryAfterOf(error: unknown): number | undefined {
  const response = (error as { response?: { error_code?: unknown; parameters?: { retry_after?: unknown } } })
    ?.response;
  if (response?.error_code !== 429) return undefined;
  const seconds = Number(response.parameters?.retry_after);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

export async function callWithFloodRetry<T>(
  call: () => Promise<T>,
  wait: (ms: number) => Promise<void>,
  maxSeconds: number,
  onRetry?: (seconds: number) => void,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const seconds = retryAfterOf(error);
    if (seconds === undefined || seconds > maxSeconds) throw error;
    onRetry?.(seconds);
    await wait(seconds * 1000);
    return call();
  }
}
