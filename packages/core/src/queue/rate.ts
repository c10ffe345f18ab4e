// Talk-API plans are stated as "N calls per period"; this reads them as written in config.

export interface Rate {
  limit: number;
  intervalMs: number;
}

const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `10/1s`, `600/1m`, `5/s`, `100/500ms`, `10000/1d` into `{ limit, intervalMs }`. */
export function parseRate(text: string): Rate {
  const match = /^\s*(\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  const limit = Number(match?.[1]);
  const amount = match?.[2] === "" ? 1 : Number(match?.[2]);
  const intervalMs = amount * (units[match?.[3] ?? ""] ?? Number.NaN);
  if (!match || !(limit >= 1) || !(intervalMs >= 1)) {
    throw new RangeError(
      `Invalid rate "${text}": expected calls/period such as "10/1s", "600/1m" or "5/s" (units ms, s, m, h, d)`,
    );
  }
  return { limit, intervalMs };
}
