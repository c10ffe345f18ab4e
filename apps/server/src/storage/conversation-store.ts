// Per-app counters, atalk-issued clients, client state, sessions, learnf categories and the log.
import { type CommitLock, underLock } from "./commit-lock.js";
import type { Db } from "./database.js";

export interface ClientStateRow {
  state: string;
  last_active_at: number;
  /** The JSON array of the client's learned categories, or null if none were stored apart. */
  learned: string | null;
}

/**
 * Learned categories to store: the JSON array of those from index `from` on. From 0, they replace
 * what was stored; from further on, they extend it.
 */
export interface LearnedWrite {
  from: number;
  json: string;
}

/** A client's last snapshot and the turns stored after it, oldest first. */
export interface StoredClient extends ClientStateRow {
  journal: Array<{ delta: string; at: number }>;
}

/** How a turn stores the client's state: the whole of it, or what the turn changed. */
export type StateWrite =
  | {
      kind: "snapshot";
      state: string;
      /** The client's learned categories, when they changed since the last snapshot. */
      learned?: LearnedWrite;
    }
  | { kind: "delta"; seq: number; delta: string };

export interface SessionRow {
  id: number;
  bot_id: number;
  client_name: string;
  last_active_at: number;
}

/** What a turn did to the client's learnf categories, in order: one learned, or all forgotten. */
export type LearnfChange = { category: unknown } | { reset: true };

export interface TurnRecord {
  appId: string;
  botId: number;
  clientName: string;
  sessionId: number;
  state: StateWrite;
  input: string;
  responses: string[];
  learnf: LearnfChange[];
  now: number;
}

/** Session ids reserved at a time (see nextSessionId). */
const SESSION_BLOCK = 1000;

export class ConversationStore {
  private readonly ensureApp;
  private readonly sessionCounter;
  private readonly saveSessionCounter;
  /**
   * Session ids are handed out from memory by the one connection that serves HTTP, from blocks of
   * SESSION_BLOCK reserved in SQLite before their first id is used: a restart never reissues an id
   * (it skips what was left of the block), and commits do not rewrite the counter.
   */
  private readonly sessionBlocks = new Map<string, { next: number; end: number }>();
  private readonly knownAnonymous = new Set<string>();
  private readonly knownPlain = new Set<string>();
  private readonly takeAnonymous;
  private readonly anonymousCount;
  private readonly insertAnonymous;
  private readonly anonymousExists;
  private readonly getState;
  private readonly putState;
  private readonly getLearned;
  private readonly putLearned;
  private readonly clearLearned;
  private readonly getJournal;
  private readonly putDelta;
  private readonly clearJournal;
  private readonly getSession;
  private readonly putSession;
  private readonly insertLog;
  private readonly insertLearnf;
  private readonly learnfOf;
  private readonly deleteLearnf;
  readonly recordTurns: (turns: TurnRecord[]) => void;

  constructor(
    private readonly db: Db,
    /** Taken around every write when other connections write too (see CommitLock). */
    private readonly lock?: CommitLock,
  ) {
    this.ensureApp = db.prepare<[string]>("INSERT OR IGNORE INTO apps (app_id) VALUES (?)");
    this.sessionCounter = db.prepare<[string], { n: number }>(
      "SELECT next_session_id AS n FROM apps WHERE app_id = ?",
    );
    this.saveSessionCounter = db.prepare<[number, string]>(
      "UPDATE apps SET next_session_id = max(next_session_id, ?) WHERE app_id = ?",
    );
    this.takeAnonymous = db.prepare<[string], { n: number }>(
      "UPDATE apps SET next_anonymous_client = next_anonymous_client + 1 WHERE app_id = ? RETURNING next_anonymous_client - 1 AS n",
    );
    this.anonymousCount = db.prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM anonymous_clients WHERE app_id = ?",
    );
    this.insertAnonymous = db.prepare<[string, string, number]>(
      "INSERT INTO anonymous_clients (app_id, name, created_at) VALUES (?, ?, ?)",
    );
    this.anonymousExists = db.prepare<[string, string], { one: number }>(
      "SELECT 1 AS one FROM anonymous_clients WHERE app_id = ? AND name = ?",
    );
    this.getState = db.prepare<[number, string], Omit<ClientStateRow, "learned">>(
      "SELECT state, last_active_at FROM client_states WHERE bot_id = ? AND client_name = ?",
    );
    this.getLearned = db.prepare<[number, string], { learned: string }>(
      "SELECT learned FROM client_learned WHERE bot_id = ? AND client_name = ? ORDER BY first",
    );
    this.putState = db.prepare<[number, string, string, number]>(
      `INSERT INTO client_states (bot_id, client_name, state, last_active_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (bot_id, client_name) DO UPDATE SET state = excluded.state, last_active_at = excluded.last_active_at`,
    );
    this.putLearned = db.prepare<[number, string, number, string]>(
      "INSERT OR REPLACE INTO client_learned (bot_id, client_name, first, learned) VALUES (?, ?, ?, ?)",
    );
    this.clearLearned = db.prepare<[number, string]>(
      "DELETE FROM client_learned WHERE bot_id = ? AND client_name = ?",
    );
    this.getJournal = db.prepare<[number, string], { delta: string; at: number }>(
      "SELECT delta, at FROM client_journal WHERE bot_id = ? AND client_name = ? ORDER BY seq",
    );
    this.putDelta = db.prepare<[number, string, number, number, string]>(
      "INSERT INTO client_journal (bot_id, client_name, seq, at, delta) VALUES (?, ?, ?, ?, ?)",
    );
    this.clearJournal = db.prepare<[number, string]>(
      "DELETE FROM client_journal WHERE bot_id = ? AND client_name = ?",
    );
    this.getSession = db.prepare<[string, number], SessionRow>(
      "SELECT id, bot_id, client_name, last_active_at FROM sessions WHERE app_id = ? AND id = ?",
    );
    this.putSession = db.prepare<[number, string, number, string, number]>(
      `INSERT INTO sessions (id, app_id, bot_id, client_name, last_active_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (app_id, id) DO UPDATE SET last_active_at = excluded.last_active_at`,
    );
    this.insertLog = db.prepare<[number, number, string, string, string, number]>(
      "INSERT INTO conversation_log (bot_id, session_id, client_name, input, responses, at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.insertLearnf = db.prepare<[number, string, string, number]>(
      "INSERT INTO learnf_categories (bot_id, client_name, category, created_at) VALUES (?, ?, ?, ?)",
    );
    this.deleteLearnf = db.prepare<[number, string]>(
      "DELETE FROM learnf_categories WHERE bot_id = ? AND client_name = ?",
    );
    this.learnfOf = db.prepare<[number, string], { category: string }>(
      "SELECT category FROM learnf_categories WHERE bot_id = ? AND client_name = ? ORDER BY id",
    );
    // One transaction per batch of turns: concurrent requests share a commit.
    this.recordTurns = db.transaction((turns: TurnRecord[]) => {
      for (const turn of turns) {
        const write = turn.state;
        if (write.kind === "delta") {
          this.putDelta.run(turn.botId, turn.clientName, write.seq, turn.now, write.delta);
        } else {
          this.putState.run(turn.botId, turn.clientName, write.state, turn.now);
          const learned = write.learned;
          if (learned) {
            if (learned.from === 0) this.clearLearned.run(turn.botId, turn.clientName);
            this.putLearned.run(turn.botId, turn.clientName, learned.from, learned.json);
          }
          this.clearJournal.run(turn.botId, turn.clientName);
        }
        this.putSession.run(turn.sessionId, turn.appId, turn.botId, turn.clientName, turn.now);
        this.insertLog.run(
          turn.botId,
          turn.sessionId,
          turn.clientName,
          turn.input,
          JSON.stringify(turn.responses),
          turn.now,
        );
        for (const change of turn.learnf) {
          if ("reset" in change) this.deleteLearnf.run(turn.botId, turn.clientName);
          else this.insertLearnf.run(turn.botId, turn.clientName, JSON.stringify(change.category), turn.now);
        }
      }
    });
  }

  /**
   * Deletes what idleness already ended: states of clients atalk never issued, and sessions. Their
   * next turn would start fresh anyway; this only keeps the file from growing.
   */
  deleteIdle(before: number): { states: number; sessions: number; learned: number; journal: number } {
    return underLock(
      this.lock,
      this.db.transaction(() => ({
        // A snapshot's time is its own; turns since then are in the journal.
        states: this.db
          .prepare(
            `DELETE FROM client_states WHERE last_active_at < ? AND NOT EXISTS (
             SELECT 1 FROM anonymous_clients a JOIN bots b ON b.app_id = a.app_id
             WHERE b.id = client_states.bot_id AND a.name = client_states.client_name)
           AND NOT EXISTS (SELECT 1 FROM client_journal j WHERE j.bot_id = client_states.bot_id
             AND j.client_name = client_states.client_name AND j.at >= ?)`,
          )
          .run(before, before).changes,
        sessions: this.db.prepare("DELETE FROM sessions WHERE last_active_at < ?").run(before).changes,
        learned: this.db
          .prepare(
            `DELETE FROM client_learned WHERE NOT EXISTS (SELECT 1 FROM client_states s
             WHERE s.bot_id = client_learned.bot_id AND s.client_name = client_learned.client_name)`,
          )
          .run().changes,
        journal: this.db
          .prepare(
            `DELETE FROM client_journal WHERE NOT EXISTS (SELECT 1 FROM client_states s
             WHERE s.bot_id = client_journal.bot_id AND s.client_name = client_journal.client_name)`,
          )
          .run().changes,
      })),
    );
  }

  /**
   * Deletes log rows older than `before` among the `limit` oldest ones; returns how many went. Rows
   * are appended in time order, so the oldest ids hold the oldest rows: a call reads at most `limit`
   * rows, and fewer than `limit` deleted means the old rows are gone.
   */
  pruneLog(before: number, limit: number): number {
    const prune = this.db.prepare(
      "DELETE FROM conversation_log WHERE id IN (SELECT id FROM conversation_log ORDER BY id LIMIT ?) AND at < ?",
    );
    return underLock(this.lock, () => prune.run(limit, before).changes);
  }

  registerApp(appId: string): void {
    underLock(this.lock, () => this.ensureApp.run(appId));
  }

  nextSessionId(appId: string): number {
    let block = this.sessionBlocks.get(appId);
    if (!block || block.next >= block.end) {
      // Bots keep the app id they were created under, even if the server's app id changed since.
      const next = block?.next ?? this.sessionCounter.get(appId)?.n ?? 1;
      block = { next, end: next + SESSION_BLOCK };
      const end = block.end;
      underLock(this.lock, () => {
        this.ensureApp.run(appId);
        this.saveSessionCounter.run(end, appId);
      });
      this.sessionBlocks.set(appId, block);
    }
    return block.next++;
  }

  anonymousClientCount(appId: string): number {
    return this.anonymousCount.get(appId)?.n ?? 0;
  }

  /** Reserves the next counter value and records the client as atalk-issued. */
  issueAnonymousClient(appId: string, nameFor: (counter: number) => string, now: number): string {
    const issue = this.db.transaction(() => {
      this.ensureApp.run(appId);
      const row = this.takeAnonymous.get(appId);
      if (!row) throw new Error(`unknown app ${appId}`);
      const name = nameFor(row.n);
      this.insertAnonymous.run(appId, name, now);
      this.knownPlain.delete(`${appId}\u0000${name}`);
      return name;
    });
    return underLock(this.lock, issue);
  }

  isAnonymousClient(appId: string, name: string): boolean {
    const key = `${appId}\u0000${name}`;
    if (this.knownAnonymous.has(key)) return true;
    if (this.knownPlain.has(key)) return false;
    const known = this.anonymousExists.get(appId, name) !== undefined;
    // Issued clients are never revoked, so hits are kept for good; misses in a bounded set, since
    // callers choose plain names freely. Issuing a name removes it from the misses.
    if (known) this.knownAnonymous.add(key);
    else {
      if (this.knownPlain.size >= 50_000) this.knownPlain.clear();
      this.knownPlain.add(key);
    }
    return known;
  }

  /** The client's snapshot and journal; a journal without a snapshot (never written so) is ignored. */
  storedClient(botId: number, clientName: string): StoredClient | undefined {
    const row = this.getState.get(botId, clientName);
    if (!row) return undefined;
    return {
      ...row,
      learned: this.learned(botId, clientName),
      journal: this.getJournal.all(botId, clientName),
    };
  }

  /** The client's stored learned categories as one JSON array: its rows joined in order. */
  private learned(botId: number, clientName: string): string | null {
    const rows = this.getLearned.all(botId, clientName);
    if (rows.length === 0) return null;
    if (rows.length === 1) return (rows[0] as { learned: string }).learned;
    const items = rows.map((row) => row.learned.slice(1, -1)).filter((inner) => inner.length > 0);
    return `[${items.join(",")}]`;
  }

  session(appId: string, id: number): SessionRow | undefined {
    return this.getSession.get(appId, id);
  }

  /** Categories a client taught with learnf: they outlive its predicates. */
  learnfCategories(botId: number, clientName: string): unknown[] {
    return this.learnfOf.all(botId, clientName).map((row) => JSON.parse(row.category));
  }
}
