// A group commit's batch leaves at once from an idle writer and after the window from a busy one.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CommitWindow } from "./commit-window.js";

describe("the commit window", () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "performance"],
    });
  });
  afterEach(() => vi.useRealTimers());

  it("flushes an idle writer's batch after the current event-loop turn, without waiting", () => {
    const window = new CommitWindow(2);
    const flush = vi.fn();
    window.schedule(flush);
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("holds a busy writer's batch for the window, then flushes it", () => {
    const window = new CommitWindow(2);
    window.flushed();
    vi.advanceTimersByTime(3); // within twice the window: still busy
    const flush = vi.fn();
    window.schedule(flush);
    vi.advanceTimersByTime(1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("counts a writer idle again after twice the window since its last batch", () => {
    const window = new CommitWindow(2);
    window.flushed();
    vi.advanceTimersByTime(5);
    const flush = vi.fn();
    window.schedule(flush);
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("runs one flush for every turn that asked before it ran, and schedules anew after", () => {
    const window = new CommitWindow(2);
    const flush = vi.fn();
    window.schedule(flush);
    window.schedule(flush);
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
    window.schedule(flush);
    vi.advanceTimersByTime(2);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("never waits with a window of 0", () => {
    const window = new CommitWindow(0);
    window.flushed();
    const flush = vi.fn();
    window.schedule(flush);
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("drops the scheduled flush once a batch was sent another way (as on close)", () => {
    const window = new CommitWindow(2);
    window.flushed();
    const flush = vi.fn();
    window.schedule(flush);
    window.flushed();
    vi.advanceTimersByTime(10);
    expect(flush).not.toHaveBeenCalled();
  });
});
