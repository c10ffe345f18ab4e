import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCompiledBot } from "../testing/fixtures.js";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "../testing/harness.js";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe("how long a client's predicates live", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await createCompiledBot(h, "membot");
  });
  afterEach(async () => {
    await h.dispose();
  });

  const talk = (form: "talk" | "atalk", query: Record<string, string>) =>
    call("POST", h.url(`/${form}/${TEST_APP_ID}/membot`, { user_key: TEST_USER_KEY, ...query }));

  it("keeps an atalk-created client's name across a restart and long idleness", async () => {
    const first = await talk("atalk", { input: "My name is Grace" });
    expect(first.json.responses).toEqual(["Nice to meet you, Grace."]);
    const clientName = first.json.client_name as string;
    expect(clientName).toBe(`aiaas-${TEST_APP_ID}-user-0000`);

    await h.restart();
    h.clock.advance(24 * 60 * MINUTE);
    const later = await talk("talk", { input: "What is my name?", client_name: clientName });
    expect(later.json.responses).toEqual(["Your name is Grace."]);
    // atalk with the issued name continues the same client too.
    const viaAtalk = await talk("atalk", { input: "What is my name?", client_name: clientName });
    expect(viaAtalk.json.responses).toEqual(["Your name is Grace."]);
    expect(viaAtalk.json.client_name).toBeUndefined();
  });

  it("keeps a plain client_name's predicates through an active session and across a restart", async () => {
    await talk("talk", { input: "My name is Alan", client_name: "alan" });
    await h.restart();
    h.clock.advance(29 * MINUTE);
    expect((await talk("talk", { input: "What is my name?", client_name: "alan" })).json.responses).toEqual([
      "Your name is Alan.",
    ]);
  });

  it("flushes a plain client_name's predicates after 30 idle minutes", async () => {
    await talk("talk", { input: "My name is Alan", client_name: "alan" });
    h.clock.advance(31 * MINUTE);
    expect((await talk("talk", { input: "What is my name?", client_name: "alan" })).json.responses).toEqual([
      "Your name is unknown.",
    ]);
  });

  it("removes idle plain clients' stored state in the sweep, never an atalk client's", async () => {
    const atalk = await talk("atalk", { input: "My name is Grace" });
    await talk("talk", { input: "My name is Alan", client_name: "alan" });
    const rows = () => {
      const db = new Database(join(h.dataDir, "parley-server.sqlite"), { readonly: true });
      const names = db.prepare("SELECT client_name FROM client_states ORDER BY client_name").pluck().all();
      db.close();
      return names;
    };
    expect(rows()).toEqual(["aiaas-testapp-user-0000", "alan"]);
    h.clock.advance(31 * MINUTE);
    await h.server.sweepIdle();
    expect(rows()).toEqual([atalk.json.client_name]);
  });

  it("deletes conversation log rows past the retention period in the sweep, and only those", async () => {
    const logged = () => {
      const db = new Database(join(h.dataDir, "parley-server.sqlite"), { readonly: true });
      const inputs = db.prepare("SELECT input FROM conversation_log ORDER BY id").pluck().all();
      db.close();
      return inputs;
    };
    await talk("talk", { input: "My name is Alan", client_name: "alan" });
    h.clock.advance(29 * DAY);
    await talk("talk", { input: "What is my name?", client_name: "alan" });
    await h.server.sweepIdle();
    expect(logged()).toEqual(["My name is Alan", "What is my name?"]);
    h.clock.advance(2 * DAY);
    await h.server.sweepIdle();
    expect(logged()).toEqual(["What is my name?"]);
  });

  it("keeps clients apart", async () => {
    await talk("talk", { input: "My name is Alan", client_name: "alan" });
    await talk("talk", { input: "My name is Ada", client_name: "ada1" });
    expect((await talk("talk", { input: "What is my name?", client_name: "alan" })).json.responses).toEqual([
      "Your name is Alan.",
    ]);
  });

  it("loses no predicate update when one client's requests arrive concurrently", async () => {
    // inject() starts every request in the same tick, the tightest interleaving the server can see.
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        h.server.http.inject({
          method: "POST",
          url: `/talk/${TEST_APP_ID}/membot`,
          payload: new URLSearchParams({
            user_key: TEST_USER_KEY,
            input: "tally",
            client_name: "busy",
          }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ),
    );
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    // Each turn appends one mark to what the previous turn stored: 40 turns, 40 different tallies.
    const lengths = replies.map((r) => (r.json().responses[0] as string).length).sort((a, b) => a - b);
    expect(lengths).toEqual(Array.from({ length: 40 }, (_, i) => "unknown".length + i + 1));
    await h.restart();
    const after = await talk("talk", { input: "tally", client_name: "busy" });
    expect(after.json.responses[0]).toBe(`unknown${"I".repeat(41)}`);
  });
});
