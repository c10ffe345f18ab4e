import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map.js";

describe("BoundedMap", () => {
  it("forgets the oldest written entry past its capacity; a rewrite makes an entry new again", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    expect(map.get("b")).toBe(2); // reading does not refresh by default
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([3, undefined, 4]);
  });

  it("with refreshOnRead, forgets the least recently used entry", () => {
    const map = new BoundedMap<string, number>(2, { refreshOnRead: true });
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([1, undefined, 3]);
  });

  it("keeps nothing with a capacity of 0", () => {
    const map = new BoundedMap<string, number>(0);
    map.set("a", 1);
    expect(map.get("a")).toBeUndefined();
  });
});
