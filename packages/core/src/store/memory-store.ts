// Interlocutors in process memory: for tests, the web chat demo and single-run tools. Lost on exit.
import { randomUUID } from "node:crypto";
import type { Interlocutor, InterlocutorKey, InterlocutorStore } from "../types/index.js";
import { applyPatch, type InitFn, type InterlocutorPatch } from "./init-patch.js";
import { assertKey, keyString } from "./key.js";
import { SingleFlight } from "./single-flight.js";

export class MemoryInterlocutorStore implements InterlocutorStore {
  readonly #byKey = new Map<string, Interlocutor>();
  readonly #keyById = new Map<string, string>();
  readonly #creating = new SingleFlight<Interlocutor>();

  async ensure(key: InterlocutorKey, init?: InitFn): Promise<Interlocutor> {
    assertKey(key);
    const k = keyString(key);
    const found = this.#byKey.get(k);
    if (found) return { ...found };
    const created = await this.#creating.run(k, async () => {
      let record: Interlocutor = newInterlocutor(key);
      // Stored only once init succeeded, so a failed init is simply tried again by the next ensure.
      if (init) record = applyPatch(record, await init({ ...record }));
      this.#byKey.set(k, record);
      this.#keyById.set(record.id, k);
      return record;
    });
    return { ...created };
  }

  async get(key: InterlocutorKey): Promise<Interlocutor | undefined> {
    const found = this.#byKey.get(keyString(key));
    return found ? { ...found } : undefined;
  }

  async update(id: string, patch: InterlocutorPatch): Promise<void> {
    const k = this.#keyById.get(id);
    const found = k === undefined ? undefined : this.#byKey.get(k);
    if (k !== undefined && found) this.#byKey.set(k, applyPatch(found, patch));
  }

  async forget(key: InterlocutorKey): Promise<boolean> {
    const k = keyString(key);
    const found = this.#byKey.get(k);
    if (!found) return false;
    this.#byKey.delete(k);
    this.#keyById.delete(found.id);
    return true;
  }

  async close(): Promise<void> {}
}

export function newInterlocutor(key: InterlocutorKey): Interlocutor {
  return {
    id: randomUUID(),
    bot: key.bot,
    channel: key.channel,
    userId: key.userId,
    clientName: null,
    sessionId: null,
    lastSeenAt: null,
    createdAt: Date.now(),
  };
}
