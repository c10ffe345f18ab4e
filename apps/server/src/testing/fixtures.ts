// Small bot files shared by the HTTP tests (understood by the fake engine and the real one).
import { afterEach, beforeEach } from "vitest";
import { call, type Harness, startHarness, TEST_APP_ID, TEST_USER_KEY } from "./harness.js";

export const MEMORY_AIML = `<?xml version="1.0" encoding="UTF-8"?>
<aiml version="2.0">
<category><pattern>HELLO</pattern><template>Hi there!</template></category>
<category><pattern>MY NAME IS *</pattern><template>Nice to meet you, <set name="name"><star/></set>.</template></category>
<category><pattern>TALLY</pattern><template><set name="tally"><get name="tally"/>I</set></template></category>
<category><pattern>WHAT IS MY NAME</pattern><template>Your name is <get name="name"/>.</template></category>
</aiml>`;

export const BROKEN_AIML = `<?xml version="1.0" encoding="UTF-8"?>
<aiml version="2.0">
<category><pattern>HELLO</pattern><template>Hi again!</template>
</aiml>`;

/** Creates a bot, uploads files and verifies it through the API. */
export async function createCompiledBot(
  h: Harness,
  botname: string,
  files: Record<string, string> = { "memory.aiml": MEMORY_AIML },
  extra: { pdefaults?: string } = {},
): Promise<void> {
  const key = { user_key: TEST_USER_KEY };
  await call("PUT", h.url(`/bot/${TEST_APP_ID}/${botname}`, key));
  for (const [name, content] of Object.entries(files)) {
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/${botname}/file/${name}`, key), { body: content });
  }
  if (extra.pdefaults) {
    await call("PUT", h.url(`/bot/${TEST_APP_ID}/${botname}/pdefaults`, key), { body: extra.pdefaults });
  }
  const verify = await call("GET", h.url(`/bot/${TEST_APP_ID}/${botname}/verify`, key));
  if (verify.status !== 200) throw new Error(`verify failed: ${verify.text}`);
}

/** A talk turn of `clientName` over HTTP; resolves with the bot's responses. */
export async function talkAs(
  h: Harness,
  botname: string,
  clientName: string,
  input: string,
  extra: Record<string, string> = {},
): Promise<string[]> {
  const query = { user_key: TEST_USER_KEY, client_name: clientName, input, ...extra };
  return (await call("POST", h.url(`/talk/${TEST_APP_ID}/${botname}`, query))).json.responses as string[];
}

/**
 * A server on the real interpreter with one compiled bot, started before each test and disposed
 * after; call the result inside a test to get its harness.
 */
export function useHarnessWithBot(botname: string, files: Record<string, string>): () => Harness {
  let harness: Harness | undefined;
  beforeEach(async () => {
    harness = await startHarness({ engine: undefined });
    await createCompiledBot(harness, botname, files);
  });
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });
  return () => {
    if (!harness) throw new Error("useHarnessWithBot: the server runs only inside a test");
    return harness;
  };
}

/**
 * Uploads a bot of 40,000 categories (`TOPIC<n> *` answers `Answer <n>.`) and starts its verify,
 * which takes long enough to check what else is answered meanwhile.
 */
export async function startBigVerify(
  h: Harness,
  botname: string,
): Promise<{ reply: ReturnType<typeof call>; finishedAt: () => number }> {
  const key = { user_key: TEST_USER_KEY };
  const categories = Array.from(
    { length: 40_000 },
    (_, i) => `<category><pattern>TOPIC${i} *</pattern><template>Answer ${i}.</template></category>`,
  );
  await call("PUT", h.url(`/bot/${TEST_APP_ID}/${botname}`, key));
  await call("PUT", h.url(`/bot/${TEST_APP_ID}/${botname}/file/big.aiml`, key), {
    body: `<?xml version="1.0" encoding="UTF-8"?><aiml version="2.0">${categories.join("")}</aiml>`,
  });
  let finished = Number.POSITIVE_INFINITY;
  const reply = call("GET", h.url(`/bot/${TEST_APP_ID}/${botname}/verify`, key)).then((answer) => {
    finished = performance.now();
    return answer;
  });
  return { reply, finishedAt: () => finished };
}
