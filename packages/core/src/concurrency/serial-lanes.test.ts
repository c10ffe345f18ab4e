import { describe, expect, it } from "vitest";
import { SerialLanes } from "./serial-lanes.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("SerialLanes", () => {
  it("runs one key's tasks one at a time in arrival order, other keys alongside", async () => {
    const lanes = new SerialLanes();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      lanes.run("a", task("a1")),
      lanes.run("a", task("a2")),
      lanes.run("b", task("b1")),
    ]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
    expect(lanes.activeKeys).toBe(0);
  });

  it("keeps serving a key after one of its tasks fails", async () => {
    const lanes = new SerialLanes();
    const failed = lanes.run("a", () => {
      throw new Error("boom");
    });
    const next = lanes.run("a", () => "still works");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("still works");
  });
});
