// The checkpoint thread keeps the WAL starting over while commits never stop coming.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { noopLogger } from "@parley/core";
import { expect, it } from "vitest";
import { startCheckpointer } from "./checkpointer.js";
import { CommitLock } from "./commit-lock.js";
import { openDatabase } from "./database.js";

it("starts the WAL over under a steady stream of commits, so no commit runs the backstop checkpoint", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-checkpoint-"));
  const db = openDatabase(dataDir);
  const lock = new CommitLock();
  db.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)");
  // When SQLite starts the WAL over, it truncates the file: its size then counts the frames since.
  db.pragma("journal_size_limit = 0");
  const insert = db.prepare("INSERT INTO filler (data) VALUES (?)");
  const page = Buffer.alloc(3000, 1);
  const checkpointer = await startCheckpointer(db, noopLogger, lock, { intervalMs: 5, restartFrames: 50 });
  // Thousands of frames, commits back to back: SQLite only starts the WAL over when a commit begins
  // on a fully copied WAL, and a pass never catches up with them by itself.
  // A count, not a duration, so a slow machine writes just as much.
  const walFrames: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    lock.hold(() => insert.run(page));
    if (i % 100 === 99) walFrames.push(statSync(`${db.name}-wal`).size / (4096 + 24));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await checkpointer.stop();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  // Started over again and again (the file shrinks each time; without the locked pass it only grows,
  // to every frame of the 10,000 commits), and never near the connections' own automatic checkpoint
  // (20,000 frames).
  const restarts = walFrames.filter((frames, i) => i > 0 && frames < (walFrames[i - 1] as number)).length;
  expect(restarts).toBeGreaterThanOrEqual(5);
  expect(Math.max(...walFrames)).toBeLessThan(10_000);
});
