// A client's state on disk is a snapshot plus the deltas of the turns since (the journal). A delta is
// a few hundred bytes where a whole alice2 state is about 6 KB, and encoding and writing that whole
// state every turn was the largest cost of a talk request after the interpreter itself.
import type { EngineBot, EngineRespondResult } from "../engine/contract.js";
import type { StateWrite, StoredClient } from "../storage/conversation-store.js";
import type { CachedState } from "./state-cache.js";
import { decodeState, encodeState } from "./state-codec.js";

/**
 * A snapshot every this many turns: the journal stays short (a restore replays at most this many
 * deltas), and the snapshot's cost is spread over the turns.
 */
export const SNAPSHOT_EVERY = 32;

/** The client as its last turn left it: the snapshot with every delta since replayed onto it. */
export function restoreClient(bot: EngineBot, stored: StoredClient): CachedState {
  let state = decodeState(bot, stored.state, stored.learned);
  let lastActiveAt = stored.last_active_at;
  const replay = bot.applyDelta?.bind(bot);
  // A journal is only ever written for an engine that replays it.
  if (replay) {
    for (const entry of stored.journal) {
      state = replay(state, JSON.parse(entry.delta));
      lastActiveAt = Math.max(lastActiveAt, entry.at);
    }
  }
  return { state, lastActiveAt, journal: replay ? stored.journal.length : 0 };
}

/**
 * What a turn stores: its delta, or a snapshot when the state started fresh (the stored one no
 * longer applies), when the journal is full, or when the engine cannot replay deltas.
 */
export function stateWrite(
  bot: EngineBot,
  result: EngineRespondResult,
  previous: CachedState | undefined,
): { write: StateWrite; journal: number } {
  if (previous && bot.applyDelta && result.delta !== undefined && previous.journal < SNAPSHOT_EVERY - 1) {
    return {
      write: { kind: "delta", seq: previous.journal, delta: JSON.stringify(result.delta) },
      journal: previous.journal + 1,
    };
  }
  return { write: { kind: "snapshot", ...encodeState(bot, result.state) }, journal: 0 };
}
