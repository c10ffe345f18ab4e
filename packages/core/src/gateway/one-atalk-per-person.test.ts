import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteInterlocutorStore } from "../store/index.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, RecordingChannel, sleep } from "./test-support/fakes.js";

describe("a new person's first messages", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("arriving at once make exactly one atalk and one client name, and later messages reuse it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-gw-"));
    dirs.push(dir);
    const store = new SqliteInterlocutorStore(join(dir, "interlocutors.db"));
    const backend = new FakeBackend(() => sleep(5));
    const channel = new RecordingChannel();
    const gateway = createGateway({
      bot: "b",
      backend,
      store,
      channels: [channel],
      queue: { concurrency: 8 },
    });

    const outcomes = await Promise.all([
      gateway.receive(inbound("alice", "hi")),
      gateway.receive(inbound("alice", "hello?")),
      gateway.receive(inbound("alice", "anyone")),
      gateway.receive(inbound("bob", "hey")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    await channel.waitForSent(4);

    expect(backend.atalks).toBe(2); // one for alice, one for bob
    const aliceCalls = backend.calls.filter((c) => c.interlocutor.userId === "alice");
    expect(aliceCalls.map((c) => c.interlocutor.clientName)).toEqual([
      null,
      aliceCalls[1]?.interlocutor.clientName,
      aliceCalls[1]?.interlocutor.clientName,
    ]);
    const alice = await store.get({ bot: "b", channel: "test", userId: "alice" });
    expect(alice?.clientName).toMatch(/^aiaas-1-user-/);
    expect(aliceCalls[2]?.interlocutor.clientName).toBe(alice?.clientName);
    expect(channel.textsTo("conv-alice")).toEqual(["echo: hi", "echo: hello?", "echo: anyone"]);

    await gateway.stop();
    await store.close();
  });
});
