import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Interlocutor } from "../types/index.js";
import { migrations } from "./migrations.js";
import { SqliteInterlocutorStore } from "./sqlite-store.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "parley-restart-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("a new store on the same file keeps every mapping, client name and session", async () => {
  const file = join(dir, "nested", "people.db");
  const first = new SqliteInterlocutorStore({ path: file, cacheSize: 50 });
  const people: Interlocutor[] = [];
  for (let i = 0; i < 300; i++) {
    const key = { bot: "b", channel: i % 2 ? "slack" : "telegram", userId: `user-${i}` };
    const created = await first.ensure(key, async () => ({ clientName: `aiaas-1-user-${i}` }));
    await first.update(created.id, { sessionId: `${1000 + i}`, lastSeenAt: 1_700_000_000_000 + i });
    people.push({ ...created, sessionId: `${1000 + i}`, lastSeenAt: 1_700_000_000_000 + i });
  }
  expect(await first.forget({ bot: "b", channel: "telegram", userId: "user-0" })).toBe(true);
  await first.close();

  const second = new SqliteInterlocutorStore(file);
  expect(await second.get({ bot: "b", channel: "telegram", userId: "user-0" })).toBeUndefined();
  for (const person of people.slice(1)) {
    expect(await second.get(person)).toEqual(person);
    // ensure after a restart finds the mapping: no second atalk.
    const again = await second.ensure(person, async () => {
      throw new Error("init must not run for a known person");
    });
    expect(again.id).toBe(person.id);
  }
  await second.close();
});

it("uses WAL and records the schema version", async () => {
  const file = join(dir, "people.db");
  await new SqliteInterlocutorStore(file).close();
  const db = new Database(file, { readonly: true });
  expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
  db.close();
});

it("refuses a file written by a newer schema instead of corrupting it", () => {
  const file = join(dir, "people.db");
  const db = new Database(file);
  db.pragma(`user_version = ${migrations.length + 1}`);
  db.close();
  expect(() => new SqliteInterlocutorStore(file)).toThrow(/newer than this Parley/);
});

it("writes a new client name to the file at once and session updates within one event-loop turn", async () => {
  const file = join(dir, "people.db");
  const store = new SqliteInterlocutorStore(file);
  const reader = new Database(file, { readonly: true });
  const onDisk = (id: string) =>
    reader.prepare("SELECT client_name, session_id FROM interlocutors WHERE id = ?").get(id);
  const person = await store.ensure({ bot: "b", channel: "c", userId: "u" });

  await store.update(person.id, { clientName: "aiaas-1-user-0007", lastSeenAt: 5 });
  expect(onDisk(person.id)).toEqual({ client_name: "aiaas-1-user-0007", session_id: null });

  await store.update(person.id, { sessionId: "99", lastSeenAt: 6 });
  expect((await store.get(person))?.sessionId).toBe("99"); // readers see it at once
  await new Promise((resolve) => setImmediate(resolve));
  expect(onDisk(person.id)).toEqual({ client_name: "aiaas-1-user-0007", session_id: "99" });
  reader.close();
  await store.close();
});
