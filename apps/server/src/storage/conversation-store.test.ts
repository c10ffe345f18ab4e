import { describe, expect, it } from "vitest";
import { oneBotTurn, useOneBotDatabase } from "../testing/one-bot-database.js";
import { ConversationStore, type LearnedWrite } from "./conversation-store.js";

const snapshotTurn = (at: number, learned?: LearnedWrite) =>
  oneBotTurn("ann", at, { kind: "snapshot", state: "{}", learned });

describe("a client's learned categories", () => {
  const database = useOneBotDatabase("parley-learned-");

  it("come back as one list from the pieces snapshots added, and start over from index 0", () => {
    const store = new ConversationStore(database());
    const learned = () => JSON.parse(store.storedClient(1, "ann")?.learned ?? "null");
    store.recordTurns([snapshotTurn(1, { from: 0, json: "[]" })]);
    expect(learned()).toEqual([]);
    store.recordTurns([snapshotTurn(2, { from: 0, json: '["A"]' })]);
    store.recordTurns([snapshotTurn(3)]);
    store.recordTurns([snapshotTurn(4, { from: 1, json: '["B","C"]' })]);
    store.recordTurns([snapshotTurn(5, { from: 3, json: '["D"]' })]);
    expect(learned()).toEqual(["A", "B", "C", "D"]);
    // A forgotten category: the whole list is written again, and only it is read back.
    store.recordTurns([snapshotTurn(6, { from: 0, json: '["A","C"]' })]);
    expect(learned()).toEqual(["A", "C"]);
    expect(database().prepare("SELECT count(*) FROM client_learned").pluck().get()).toBe(1);
  });
});

describe("the conversation log's retention", () => {
  const database = useOneBotDatabase("parley-log-");

  it("prunes the oldest rows in batches, reading no more than a batch each time", () => {
    const store = new ConversationStore(database());
    store.recordTurns(Array.from({ length: 25 }, (_, i) => oneBotTurn("ann", i + 1)));
    // Rows at 1..25: everything before 22 goes, 10 rows at most per call.
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(1);
    expect(store.pruneLog(22, 10)).toBe(0);
    const left = database().prepare("SELECT input FROM conversation_log ORDER BY id").pluck().all();
    expect(left).toEqual(["turn 22", "turn 23", "turn 24", "turn 25"]);
  });
});
