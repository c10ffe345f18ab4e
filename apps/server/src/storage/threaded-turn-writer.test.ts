// The SQLite writer thread: what it confirms is on disk, and a dead thread loses no more than it had.
import { renameSync } from "node:fs";
import { noopLogger } from "@parley/core";
import { describe, expect, it } from "vitest";
import { oneBotTurn, useOneBotDatabase } from "../testing/one-bot-database.js";
import { CommitLock } from "./commit-lock.js";
import { ThreadedTurnWriter } from "./threaded-turn-writer.js";

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
    await writer.write(oneBotTurn("ann", 1));
    expect(logged()).toBe(1);
    const pending = Array.from({ length: 50 }, (_, n) => writer.write(oneBotTurn(`client${n % 5}`, n + 2)));
    await writer.close();
    await Promise.all(pending);
    expect(logged()).toBe(51);
    await expect(writer.write(oneBotTurn("ann", 99))).rejects.toThrow(/closing/);
  });

  it("on a busy server sends the turns answered within the window as one batch, and commits them on close", async () => {
    const writer = await ThreadedTurnWriter.start({
      file: database().name,
      lock: new CommitLock(),
      logger: noopLogger,
      windowMs: 60_000,
    });
    // Idle: the first turn goes at once, whatever the window.
    await writer.write(oneBotTurn("ann", 1));
    expect(logged()).toBe(1);
    // Busy now (a batch just left): the next turns wait for the window to gather more.
    const waiting = [writer.write(oneBotTurn("bob", 2)), writer.write(oneBotTurn("cy", 3))];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged()).toBe(1);
    await writer.close();
    await Promise.all(waiting);
    expect(logged()).toBe(3);
  });

  it("fails what a thread that died mid-commit had not confirmed, frees its lock, and commits through its replacement", async () => {
    const lock = new CommitLock();
    const writer = await ThreadedTurnWriter.start({ file: database().name, lock, logger: noopLogger });
    const { worker } = writer as unknown as { worker: { threadId: number; terminate(): Promise<number> } };
    // As if the thread had died inside its commit: the lock names it as holder, so the turn it was
    // sent stays unconfirmed, and only its death can free the lock.
    Atomics.store(new Int32Array(lock.buffer), 0, worker.threadId + 1);
    const lost = writer.write(oneBotTurn("ann", 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.terminate();
    await expect(lost).rejects.toThrow(/writer thread stopped/);
    await writer.write(oneBotTurn("bob", 2));
    expect(
      database().prepare("SELECT client_name FROM conversation_log WHERE input = 'turn 2'").pluck().get(),
    ).toBe("bob");
    await writer.close();
  });

  it("fails the turns waiting for a replacement that cannot start, and tries again on the next write", async () => {
    const file = database().name;
    const writer = await ThreadedTurnWriter.start({ file, lock: new CommitLock(), logger: noopLogger });
    const { worker } = writer as unknown as { worker: { terminate(): Promise<number> } };
    // The replacement opens the file by name: with the file gone, it cannot start.
    renameSync(file, `${file}.away`);
    await worker.terminate();
    await expect(writer.write(oneBotTurn("ann", 1))).rejects.toThrow(/could not be restarted/);
    renameSync(`${file}.away`, file);
    await writer.write(oneBotTurn("bob", 2));
    expect(database().prepare("SELECT client_name FROM conversation_log").pluck().all()).toEqual(["bob"]);
    await writer.close();
  });

  it("commits through a replacement still starting when close is called", async () => {
    const writer = await ThreadedTurnWriter.start({
      file: database().name,
      lock: new CommitLock(),
      logger: noopLogger,
    });
    const internals = writer as unknown as { worker?: { terminate(): Promise<number> } };
    await internals.worker?.terminate();
    const accepted = writer.write(oneBotTurn("ann", 1));
    await writer.close();
    await accepted;
    expect(logged()).toBe(1);
    // No thread is left running: the replacement was closed too.
    expect(internals.worker).toBeUndefined();
  });
});
