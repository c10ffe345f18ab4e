import { describe, expect, it } from "vitest";
import { KeyedMutex } from "./keyed-mutex.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("KeyedMutex", () => {
  it("runs one key's tasks one at a time in arrival order, other keys alongside", async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      mutex.run("a", task("a1")),
      mutex.run("a", task("a2")),
      mutex.run("b", task("b1")),
    ]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
    expect(mutex.pendingKeys).toBe(0);
  });

  it("keeps serving a key after one of its tasks fails", async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run("a", () => {
      throw new Error("boom");
    });
    const next = mutex.run("a", () => "still works");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("still works");
  });
});
