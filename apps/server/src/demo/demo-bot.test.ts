// The shipped demo bot on the real @parley/aiml interpreter, through the real HTTP API.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, type Harness, startHarness } from "../testing/harness.js";
import { DEMO_BOT_NAME } from "./demo-bot.js";

const MINUTE = 60 * 1000;

describe("the demo bot on the real interpreter", () => {
  let h: Harness;
  beforeEach(async () => {
    // No engine override: the server loads @parley/aiml.
    h = await startHarness({ engine: undefined, demoBot: true });
  });
  afterEach(async () => {
    await h.dispose();
  });

  const say = async (form: "talk" | "atalk", input: string, extra: Record<string, string> = {}) => {
    const response = await call(
      "POST",
      h.url(`/${form}/${h.server.appId}/${DEMO_BOT_NAME}`, { user_key: h.server.userKey, input, ...extra }),
    );
    expect(response.status, response.text).toBe(200);
    return response.json as { responses: string[]; client_name?: string; sessionid: number };
  };

  it("compiles on first start", () => {
    expect(h.server.demoBot).toMatchObject({ loaded: true, verify: { ok: true, errors: [] } });
  });

  it("remembers an atalk client's name across a restart; a plain client_name forgets after 30 idle minutes", async () => {
    const first = await say("atalk", "My name is Grace.");
    expect(first.responses).toEqual(["Pleased to meet you, Grace. I will keep that in mind."]);
    const clientName = first.client_name ?? "";
    await say("talk", "My name is Alan", { client_name: "alan" });

    await h.restart();
    h.clock.advance(45 * MINUTE);
    expect((await say("talk", "What is my name?", { client_name: clientName })).responses).toEqual([
      "Your name is Grace.",
    ]);
    expect((await say("talk", "What is my name?", { client_name: "alan" })).responses[0]).toMatch(
      /^You have not told me your name yet/,
    );
  });

  it("follows that and topic", async () => {
    const client = { client_name: "teafan" };
    expect((await say("talk", "ask me something", client)).responses).toEqual(["Do you like tea?"]);
    expect((await say("talk", "yes", client)).responses).toEqual(["Good. Green or black?"]);
    expect((await say("talk", "green", client)).responses).toEqual(["Green tea it is: light and grassy."]);
    await say("talk", "let's talk about cooking", client);
    expect((await say("talk", "what should I cook", client)).responses).toEqual([
      "A risotto: it only needs patience and stock.",
    ]);
    expect((await say("talk", "anything at all", client)).responses[0]).toMatch(
      /^We are talking about cooking/,
    );
    await say("talk", "change the subject", client);
    expect((await say("talk", "what are we talking about", client)).responses).toEqual([
      "Nothing in particular.",
    ]);
  });

  it("lets that and topic parameters override the stored ones for one turn, and reload the bot", async () => {
    const client = { client_name: "debugger" };
    expect((await say("talk", "yes", { ...client, that: "Do you like tea?" })).responses).toEqual([
      "Good. Green or black?",
    ]);
    expect((await say("talk", "what should I cook", { ...client, topic: "COOKING" })).responses).toEqual([
      "A risotto: it only needs patience and stock.",
    ]);
    expect((await say("talk", "what should I cook", { ...client, reload: "true" })).responses[0]).toMatch(
      /^I did not follow/,
    );
  });

  it("answers each rich-media request with the markup channels render", async () => {
    const markup: Record<string, RegExp[]> = {
      menu: [/<button><text>A card<\/text><postback>card<\/postback><\/button>/],
      buttons: [/<button><text>[^<]+<\/text><url>https:\/\/[^<]+<\/url><\/button>/, /<button>menu<\/button>/],
      "quick replies": [/<reply><text>Teal<\/text><postback>I like teal<\/postback><\/reply>/],
      card: [/<card><image>https:[^<]+<\/image><title>The lighthouse<\/title><subtitle>/],
      carousel: [/<carousel>(<card>.*?<\/card>){3}<\/carousel>/],
      image: [/<image>https:[^<]+<\/image>/],
      video: [/<video>https:[^<]+<\/video>/],
      link: [/<link><text>AIML 2\.0 draft<\/text><url>http[^<]+<\/url><\/link>/],
      split: [/first message\.<split\/>And this/],
      delay: [/<delay>2<\/delay>/],
      list: [/<olist><item>Write AIML\.<\/item>/, /<list><item>card<\/item>/],
    };
    for (const [input, patterns] of Object.entries(markup)) {
      const [response] = (await say("talk", input, { client_name: "viewer" })).responses;
      for (const pattern of patterns) expect(response, input).toMatch(pattern);
    }
    expect((await say("talk", "I like teal", { client_name: "viewer" })).responses).toEqual([
      "Teal is a fine colour. It makes me think of calm water.",
    ]);
  });
});
