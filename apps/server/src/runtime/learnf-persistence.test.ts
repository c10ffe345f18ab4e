// <learnf> categories and the conversation log, on the real interpreter and a real SQLite file.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { talkAs, useHarnessWithBot } from "../testing/fixtures.js";

const TEACHER = `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0">
<category><pattern>THE PASSWORD IS *</pattern><template><learnf><category><pattern>WHAT IS THE PASSWORD</pattern><template>It is <eval><star/></eval>.</template></category></learnf>Noted.</template></category>
<category><pattern>WHAT IS THE PASSWORD</pattern><template>I do not know.</template></category>
<category><pattern>FORGET THE PASSWORD</pattern><template><resetlearnf/></template></category>
</aiml>`;

describe("learnf categories and the conversation log", () => {
  const harness = useHarnessWithBot("teacher", { "teacher.aiml": TEACHER });

  const talk = (clientName: string, input: string, extra: Record<string, string> = {}) =>
    talkAs(harness(), "teacher", clientName, input, extra);
  const query = <T>(sql: string): T[] => {
    const db = new Database(join(harness().dataDir, "parley-server.sqlite"), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  it("keeps what a client taught with learnf through reset and restart, for that client only", async () => {
    expect(await talk("alice", "The password is swordfish")).toEqual(["Noted."]);
    expect(await talk("alice", "What is the password?")).toEqual(["It is swordfish."]);
    expect(await talk("bob", "What is the password?")).toEqual(["I do not know."]);

    expect(await talk("alice", "What is the password?", { reset: "true" })).toEqual(["It is swordfish."]);
    await harness().restart();
    expect(await talk("alice", "What is the password?")).toEqual(["It is swordfish."]);
    expect(await talk("bob", "What is the password?")).toEqual(["I do not know."]);
    expect(query<{ client_name: string }>("SELECT client_name FROM learnf_categories")).toEqual([
      { client_name: "alice" },
    ]);
  });

  it("forgets a client's learnf categories for good on <resetlearnf/>, and only that client's", async () => {
    await talk("alice", "The password is swordfish");
    await talk("bob", "The password is marlin");
    expect(await talk("alice", "Forget the password")).toEqual(["Deleted Learnf Categories"]);
    expect(await talk("alice", "What is the password?")).toEqual(["I do not know."]);
    expect(await talk("alice", "What is the password?", { reset: "true" })).toEqual(["I do not know."]);
    await harness().restart();
    expect(await talk("alice", "What is the password?")).toEqual(["I do not know."]);
    expect(await talk("bob", "What is the password?")).toEqual(["It is marlin."]);
  });

  it("writes one conversation_log row per talk turn, with the client, input and responses", async () => {
    await talk("alice", "The password is swordfish. What is the password?");
    await talk("bob", "What is the password?");
    await harness().restart();
    await talk("alice", "What is the password?");
    const rows = query<{ client_name: string; input: string; responses: string }>(
      "SELECT client_name, input, responses FROM conversation_log ORDER BY id",
    );
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r.client_name, r.input])).toEqual([
      ["alice", "The password is swordfish. What is the password?"],
      ["bob", "What is the password?"],
      ["alice", "What is the password?"],
    ]);
    expect(rows[0]?.responses).toContain("It is swordfish.");
    expect(rows[1]?.responses).toContain("I do not know.");
  });
});
