import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { CommitLock } from "./commit-lock.js";

// Worker threads load the build (the test task builds first); the lock must be the same class.
const built = new URL("../../dist/storage/commit-lock.js", import.meta.url).href;

/** Each worker does `rounds` read-modify-writes of a shared counter inside the lock, slowly. */
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
import(workerData.built).then(({ CommitLock }) => {
  const lock = new CommitLock(workerData.lock);
  const counter = new Int32Array(workerData.counter);
  for (let i = 0; i < workerData.rounds; i++) {
    lock.hold(() => {
      const seen = counter[0];
      const until = Date.now() + 0.2;
      while (Date.now() < until) {}
      counter[0] = seen + 1;
    });
  }
  parentPort.postMessage("done");
});
`;

describe("the commit lock every writing connection takes", () => {
  it("lets one thread at a time in, so no update between threads is lost", async () => {
    const lock = new CommitLock();
    const counter = new SharedArrayBuffer(4);
    const rounds = 300;
    await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise((resolve, reject) => {
            const worker = new Worker(WORKER, {
              eval: true,
              workerData: { built, lock: lock.buffer, counter, rounds },
            });
            worker.once("message", resolve);
            worker.once("error", reject);
          }),
      ),
    );
    expect(new Int32Array(counter)[0]).toBe(3 * rounds);
  });

  it("lets a write that holds it call another that takes it, then frees it once", () => {
    const lock = new CommitLock();
    const cell = new Int32Array(lock.buffer);
    expect(lock.hold(() => lock.hold(() => "nested"))).toBe("nested");
    expect(cell[0]).toBe(0);
    expect(() =>
      lock.hold(() =>
        lock.hold(() => {
          throw new Error("write failed");
        }),
      ),
    ).toThrow("write failed");
    expect(cell[0]).toBe(0);
  });

  it("is freed when the thread that held it dies, and only then", () => {
    const lock = new CommitLock();
    const cell = new Int32Array(lock.buffer);
    Atomics.store(cell, 0, 42 + 1); // held by thread 42, which died mid-commit
    lock.releaseIfHeldBy(7);
    expect(cell[0]).toBe(43);
    lock.releaseIfHeldBy(42);
    expect(lock.hold(() => "committed")).toBe("committed");
  });

  it("is freed when a worker thread that holds it exits, once it was told to watch that worker", async () => {
    const lock = new CommitLock();
    // The thread takes the lock and never lets go, as a thread stopped mid-commit would.
    const worker = new Worker(
      `const { workerData, parentPort } = require("node:worker_threads");
       import(workerData.built).then(({ CommitLock }) => {
         new CommitLock(workerData.lock).hold(() => {
           parentPort.postMessage("holding");
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
         });
       });`,
      { eval: true, workerData: { built, lock: lock.buffer } },
    );
    lock.freeWhenExits(worker);
    await new Promise((resolve) => worker.once("message", resolve));
    expect(new Int32Array(lock.buffer)[0]).not.toBe(0);
    await worker.terminate();
    // Checked before hold(), which would wait for ever on a lock left held.
    expect(new Int32Array(lock.buffer)[0]).toBe(0);
    expect(lock.hold(() => "committed")).toBe("committed");
  });
});
