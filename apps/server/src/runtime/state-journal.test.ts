// A client's state on disk (snapshot + journal of deltas), against the same conversation run locally.
import { join } from "node:path";
import { compileBot } from "@parley/aiml";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { EngineBot } from "../engine/contract.js";
import { ConversationStore } from "../storage/conversation-store.js";
import { talkAs, useHarnessWithBot } from "../testing/fixtures.js";
import { restoreClient, snapshotEvery } from "./state-journal.js";

const MINUTE = 60 * 1000;

const JOURNAL_AIML = `<?xml version="1.0" encoding="UTF-8"?>
<aiml version="2.0">
<category><pattern>MY NAME IS *</pattern><template><think><set name="name"><star/></set></think>Hello <get name="name"/>. Shall we talk about tea?</template></category>
<category><pattern>YES</pattern><that>SHALL WE TALK ABOUT TEA</that><template><think><set name="topic">TEA</set></think>Tea it is.</template></category>
<topic name="TEA"><category><pattern>*</pattern><template>Still on tea, <get name="name"/>: you said <input index="2"/>.</template></category></topic>
<category><pattern>TEACH *</pattern><template><learn><category><pattern><eval><star/></eval></pattern><template>I was taught that.</template></category></learn>Taught.</template></category>
<category><pattern>CHANGE SUBJECT</pattern><template><think><set name="topic">unknown</set></think>Done.</template></category>
<category><pattern>*</pattern><template>Go on. Tell me more.</template></category>
</aiml>`;

describe("a client's state stored as a snapshot and a journal of deltas", () => {
  const harness = useHarnessWithBot("journal", { "journal.aiml": JOURNAL_AIML });

  const talk = (clientName: string, input: string) => talkAs(harness(), "journal", clientName, input);

  /** What SQLite holds for the client, restored as the server restores it after a restart. */
  const stored = (bot: EngineBot, clientName: string) => {
    const db = new Database(join(harness().dataDir, "parley-server.sqlite"), { readonly: true });
    try {
      const botId = (db.prepare("SELECT id FROM bots WHERE name = 'journal'").get() as { id: number }).id;
      const client = new ConversationStore(db).storedClient(botId, clientName);
      if (!client) throw new Error(`no stored state for ${clientName}`);
      return restoreClient(bot, client);
    } finally {
      db.close();
    }
  };

  const rows = (clientName: string) => {
    const db = new Database(join(harness().dataDir, "parley-server.sqlite"), { readonly: true });
    try {
      return db
        .prepare(
          `SELECT (SELECT count(*) FROM client_states WHERE client_name = ?) AS states,
                  (SELECT count(*) FROM client_journal WHERE client_name = ?) AS journal`,
        )
        .get(clientName, clientName);
    } finally {
      db.close();
    }
  };

  it("restores exactly the state the conversation reached, at every turn across two snapshots", async () => {
    const { bot } = compileBot({ aiml: [{ name: "journal.aiml", content: JOURNAL_AIML }] });
    if (!bot) throw new Error("the test bot does not compile");
    const script = ["My name is Ada", "yes", "more please", "teach apples", "apples", "change subject"];
    let reference = bot.newClientState();
    const every = snapshotEvery("ada");
    for (let turn = 1; turn <= 2 * every + 6; turn++) {
      const input = `${script[turn % script.length]}. sentence ${turn}`;
      const local = bot.respond(reference, input);
      reference = local.state;
      expect(await talk("ada", input)).toEqual(local.responses);

      const disk = stored(bot as EngineBot, "ada");
      // The first turn starts fresh and is a snapshot; then every - 1 deltas, a snapshot...
      expect(disk.journal).toBe((turn - 1) % every);
      expect(disk.state).toEqual(JSON.parse(JSON.stringify(reference)));
    }
  });

  it("spreads the snapshots of clients that started together over different turns", () => {
    const intervals = Array.from({ length: 100 }, (_, i) => snapshotEvery(`client${i}`));
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...intervals)).toBeLessThanOrEqual(47);
    // A hundred clients on one interval wrote a hundred snapshots in the same commit or two.
    expect(new Set(intervals).size).toBeGreaterThan(20);
    expect(snapshotEvery("client7")).toBe(intervals[7]);
  });

  it("answers from the restored state after a restart, mid-journal", async () => {
    await talk("bob", "My name is Bo");
    await talk("bob", "yes");
    await harness().restart();
    expect(await talk("bob", "anything")).toEqual(["Still on tea, Bo: you said yes."]);
  });

  it("keeps a client whose snapshot is old but whose journal is recent, and sweeps it once idle", async () => {
    await talk("cyd", "My name is Cy");
    harness().clock.advance(20 * MINUTE);
    await talk("cyd", "yes");
    harness().clock.advance(20 * MINUTE); // the snapshot is 40 minutes old, the last turn 20
    await harness().server.sweepIdle();
    expect(rows("cyd")).toEqual({ states: 1, journal: 1 });
    await harness().restart(); // nothing cached: the answer comes from what the sweep left
    expect(await talk("cyd", "anything")).toEqual(["Still on tea, Cy: you said yes."]);

    harness().clock.advance(31 * MINUTE);
    await harness().server.sweepIdle();
    expect(rows("cyd")).toEqual({ states: 0, journal: 0 });
  });
});
