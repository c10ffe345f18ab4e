import { describe, expect, it } from "vitest";
import { useOneBotDatabase } from "../testing/one-bot-database.js";
import { ConversationStore } from "./conversation-store.js";

describe("the conversation log's retention", () => {
  const database = useOneBotDatabase("parley-log-");

  it("prunes the oldest rows in batches, reading no more than a batch each time", () => {
    const store = new ConversationStore(database());
    const turn = (at: number) => ({
      appId: "app",
      botId: 1,
      clientName: "ann",
      sessionId: at,
      state: { kind: "snapshot" as const, state: "{}" },
      input: `turn ${at}`,
      responses: ["ok"],
      learnf: [],
      now: at,
    });
    store.recordTurns(Array.from({ length: 25 }, (_, i) => turn(i + 1)));
    // Rows at 1..25: everything before 22 goes, 10 rows at most per call.
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(10);
    expect(store.pruneLog(22, 10)).toBe(1);
    expect(store.pruneLog(22, 10)).toBe(0);
    const left = database().prepare("SELECT input FROM conversation_log ORDER BY id").pluck().all();
    expect(left).toEqual(["turn 22", "turn 23", "turn 24", "turn 25"]);
  });
});
