// A client's state on disk is a snapshot plus the deltas of the turns since (the journal). A delta is
// a few hundred bytes where a whole alice2 state is about 6 KB, and encoding and writing that whole
// state every turn was the largest cost of a talk request after the interpreter itself.
import type { EngineBot, EngineRespondResult } from "../engine/contract.js";
import type { StateWrite, StoredClient } from "../storage/conversation-store.js";
import { keyHash } from "./key-hash.js";
import type { CachedState } from "./state-cache.js";
import { decodeState, encodeState } from "./state-codec.js";

/**
 * A snapshot every 16 to 47 turns (32 on average), by client: the journal stays short (a restore
 * replays fewer than 47 deltas), and the snapshot's cost is spread over the turns. A fixed interval
 * made clients that started together (a load test, a broadcast) all write their snapshots in the
 * same few milliseconds, again and again, and those commits delayed everyone's answers.
 */
export function snapshotEvery(clientName: string): number {
  return 16 + (keyHash(clientName) % 32);
}

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
  clientName: string,
): { write: StateWrite; journal: number } {
  const journalFull = previous !== undefined && previous.journal >= snapshotEvery(clientName) - 1;
  if (previous && bot.applyDelta && result.delta !== undefined && !journalFull) {
    return {
      write: { kind: "delta", seq: previous.journal, delta: JSON.stringify(result.delta) },
      journal: previous.journal + 1,
    };
  }
  return { write: { kind: "snapshot", ...encodeState(bot, result.state) }, journal: 0 };
}
