import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { InterlocutorStore } from "../types/index.js";
import { MemoryInterlocutorStore } from "./memory-store.js";
import { SqliteInterlocutorStore } from "./sqlite-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const kinds: [string, () => InterlocutorStore][] = [
  ["memory", () => new MemoryInterlocutorStore()],
  [
    "sqlite",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
      dirs.push(dir);
      return new SqliteInterlocutorStore(join(dir, "people.db"));
    },
  ],
];

describe.each(kinds)("%s store: ensure", (_kind, make) => {
  const key = { bot: "b", channel: "slack", userId: "T1:U1" };

  it("runs init exactly once when many first messages of one person arrive together", async () => {
    const store = make();
    let inits = 0;
    const init = async () => {
      inits++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { clientName: `client-${inits}` };
    };
    const all = await Promise.all(Array.from({ length: 50 }, () => store.ensure(key, init)));
    expect(inits).toBe(1);
    expect(new Set(all.map((i) => i.id)).size).toBe(1);
    expect(new Set(all.map((i) => i.clientName))).toEqual(new Set(["client-1"]));
    // Idempotent afterwards too.
    expect((await store.ensure(key, init)).clientName).toBe("client-1");
    expect(inits).toBe(1);
    await store.close();
  });

  it("keeps different people apart", async () => {
    const store = make();
    const a = await store.ensure(key);
    const b = await store.ensure({ ...key, userId: "T1:U2" });
    const c = await store.ensure({ ...key, channel: "telegram" });
    const d = await store.ensure({ ...key, bot: "other" });
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    await store.close();
  });

  it("stores nothing when init fails, so the next ensure tries again", async () => {
    const store = make();
    await expect(
      store.ensure(key, async () => {
        throw new Error("talk API down");
      }),
    ).rejects.toThrow("talk API down");
    expect(await store.get(key)).toBeUndefined();
    const again = await store.ensure(key, async () => ({ clientName: "second-try" }));
    expect(again.clientName).toBe("second-try");
    await store.close();
  });

  it("update changes only client name, session and last seen", async () => {
    const store = make();
    const created = await store.ensure(key);
    await store.update(created.id, { clientName: "c", sessionId: "42", lastSeenAt: 1_000 });
    expect(await store.get(key)).toEqual({ ...created, clientName: "c", sessionId: "42", lastSeenAt: 1_000 });
    await store.update(created.id, { lastSeenAt: 2_000 });
    expect((await store.get(key))?.clientName).toBe("c");
    await store.close();
  });

  it("forget deletes a person's mapping; they come back as someone new", async () => {
    const store = make();
    const before = await store.ensure(key, async () => ({ clientName: "old" }));
    expect(await store.forget(key)).toBe(true);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.forget(key)).toBe(false);
    const after = await store.ensure(key);
    expect(after.id).not.toBe(before.id);
    expect(after.clientName).toBeNull();
    await store.close();
  });
});
