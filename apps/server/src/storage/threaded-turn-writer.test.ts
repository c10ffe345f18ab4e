// The SQLite writer thread: what it confirms is on disk, and a dead thread loses no more than it had.
import { noopLogger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { useOneBotDatabase } from "../testing/one-bot-database.js";
import { CommitLock } from "./commit-lock.js";
import type { TurnRecord } from "./conversation-store.js";
import { ThreadedTurnWriter } from "./threaded-turn-writer.js";

const turn = (clientName: string, n: number): TurnRecord => ({
  appId: "app",
  botId: 1,
  clientName,
  sessionId: n,
  state: { kind: "snapshot", state: JSON.stringify({ n }) },
  input: `turn ${n}`,
  responses: ["ok"],
  learnf: [],
  now: n,
});

describe("the SQLite writer thread", () => {
  const database = useOneBotDatabase("parley-writer-");
  const logged = () =>
    (database().prepare("SELECT count(*) AS n FROM conversation_log").get() as { n: number }).n;

  it("resolves each turn once it is committed, and commits every accepted turn before closing", async () => {
    const writer = await ThreadedTurnWriter.start({
      file: database().name,
      lock: new CommitLock(),
      logger: noopLogger,
    });
    await writer.write(turn("ann", 1));
    expect(logged()).toBe(1);
    const pending = Array.from({ length: 50 }, (_, n) => writer.write(turn(`client${n % 5}`, n + 2)));
    await writer.close();
    await Promise.all(pending);
    expect(logged()).toBe(51);
    await expect(writer.write(turn("ann", 99))).rejects.toThrow(/closing/);
  });

  it("fails what a dead thread had not confirmed, and commits through its replacement", async () => {
    const writer = await ThreadedTurnWriter.start({
      file: database().name,
      lock: new CommitLock(),
      logger: noopLogger,
    });
    const { worker } = writer as unknown as { worker: { terminate(): Promise<number> } };
    const lost = writer.write(turn("ann", 1));
    // The batch leaves at the end of this event-loop turn; the thread dies before confirming it.
    await new Promise((resolve) => setImmediate(resolve));
    await worker.terminate();
    await expect(lost).rejects.toThrow(/writer thread stopped/);
    await expect.poll(() => writer.write(turn("bob", 2)).then(() => true), { timeout: 10_000 }).toBe(true);
    expect(
      database().prepare("SELECT client_name FROM conversation_log WHERE input = 'turn 2'").pluck().get(),
    ).toBe("bob");
    await writer.close();
  });
});
