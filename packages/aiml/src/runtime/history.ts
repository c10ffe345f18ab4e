import type { ClientState } from "../types.js";

/** Program AB keeps 32 entries of every history. */
export const MAX_HISTORY = 32;
export const UNKNOWN = "unknown";

export function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_HISTORY) list.splice(0, list.length - MAX_HISTORY);
}

/** n-th most recent entry (1-based), "unknown" when missing. */
export function recent(list: readonly string[], n: number): string {
  if (!(n >= 1)) return UNKNOWN;
  const v = list[list.length - n];
  return v === undefined ? UNKNOWN : v;
}

/** m-th most recent sentence of the n-th most recent answer. */
export function recentThat(state: ClientState, n: number, m: number): string {
  const answer = state.thats[state.thats.length - n];
  if (!answer || !(m >= 1)) return UNKNOWN;
  const v = answer[answer.length - m];
  return v === undefined ? UNKNOWN : v;
}
