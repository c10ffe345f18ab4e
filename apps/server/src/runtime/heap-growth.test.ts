// The server lets V8's old generation grow 4x past its live size, unless its operator chose otherwise.
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from "./heap-growth.js";

describe("the heap growth a running server sets", () => {
  it("is V8's largest growing factor, 4", () => {
    expect(heapGrowthFlag([])).toBe("--heap-growing-percent=300");
    expect(1 + HEAP_GROWING_PERCENT / 100).toBe(4);
  });

  it("leaves a growing percent given on node's command line alone", () => {
    expect(heapGrowthFlag(["--heap-growing-percent=50"])).toBeUndefined();
    expect(heapGrowthFlag(["--expose-gc", "--heap_growing_percent=50"])).toBeUndefined();
    expect(heapGrowthFlag(["--expose-gc", "--max-old-space-size=512"])).toBe("--heap-growing-percent=300");
  });
});
