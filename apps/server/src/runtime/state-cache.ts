// Recently active clients' states, kept parsed in memory so a busy conversation skips the SQLite read
// and JSON parse. SQLite stays the source of truth: every turn is still written before the reply.
import { BoundedMap } from "@parley/core";
import type { ClientState } from "../engine/contract.js";

export interface CachedState {
  state: ClientState;
  lastActiveAt: number;
  /** Turns stored as deltas since the client's last snapshot. */
  journal: number;
}

/** Least recently used states go first; a capacity of 0 disables the cache. */
export class StateCache extends BoundedMap<string, CachedState> {
  constructor(capacity: number) {
    super(capacity, { refreshOnRead: true });
  }
}
