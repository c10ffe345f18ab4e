import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  BOT,
  botAdded,
  channelMessage,
  groupChatMessage,
  personalMessage,
} from "./testing/activities.js";
import { startTeamsHarness, type TeamsHarness } from "./testing/teams-harness.js";

describe("who the Teams bot answers (signed activities over HTTP, replies on the fake Bot Connector)", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers a personal message in that chat, and remembers the person", async () => {
    const first = await h.post(personalMessage(h.fake.serviceUrl, "my name is Alice"));
    expect(first.status).toBe(200);
    await h.fake.waitForMessages(1);
    await h.post(personalMessage(h.fake.serviceUrl, "what is my name?"));
    const replies = await h.fake.waitForMessages(2);

    expect(replies.map((r) => [r.conversationId, r.activity.text])).toEqual([
      [`a:personal-${ALICE.id}`, "Nice to meet you, Alice."],
      [`a:personal-${ALICE.id}`, "Your name is Alice."],
    ]);
    // The interlocutor is the person's AAD object id.
    expect(h.bot.heard.map((x) => x.userId)).toEqual(["aad-alice", "aad-alice"]);
  });

  it("replies as the bot, to the person's message, with the bot's own token", async () => {
    const message = personalMessage(h.fake.serviceUrl, "hi");
    await h.post(message);
    const [reply] = await h.fake.waitForMessages(1);

    expect(reply?.replyToId).toBe(message.id);
    expect(reply?.activity.from?.id).toBe(BOT.id);
    expect(reply?.activity.recipient?.id).toBe(ALICE.id);
    // The fake only accepts tokens its token endpoint issued for the bot's app id and password.
    expect(reply?.authorization).toMatch(/^Bearer fake-access-/);
  });

  it("keeps two people's memories apart, falling back to the Teams user id without an AAD id", async () => {
    const noAad = { id: BOB.id, name: BOB.name };
    await h.post(personalMessage(h.fake.serviceUrl, "my name is Alice", ALICE));
    await h.fake.waitForMessages(1);
    await h.post(personalMessage(h.fake.serviceUrl, "what is my name", noAad));
    const replies = await h.fake.waitForMessages(2);

    expect(replies[1]?.activity.text).toBe("I don't know your name yet.");
    expect(h.bot.heard.map((x) => x.userId)).toEqual(["aad-alice", BOB.id]);
  });

  it("ignores a channel message without a mention, and answers one that @mentions the bot", async () => {
    const ignored = await h.post(channelMessage(h.fake.serviceUrl, "hello everyone"));
    expect(ignored.status).toBe(200);
    const mention = channelMessage(h.fake.serviceUrl, "what is 2 and 2", { mention: true });
    await h.post(mention);
    const replies = await h.fake.waitForMessages(1);

    expect(h.bot.inputs).toEqual(["what is 2 and 2"]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      conversationId: mention.conversation?.id,
      replyToId: mention.id,
      activity: { text: "You said: what is 2 and 2" },
    });
  });

  it("in a group chat, answers only messages that @mention the bot", async () => {
    await h.post(groupChatMessage(h.fake.serviceUrl, "lunch?"));
    await h.post(groupChatMessage(h.fake.serviceUrl, "ping", { mention: true }));
    const [reply] = await h.fake.waitForMessages(1);

    expect(h.bot.inputs).toEqual(["ping"]);
    expect(reply?.conversationId).toBe("19:group@thread.v2");
  });

  it("greets when it is added to a conversation, with the greeting as the person's input", async () => {
    await h.post(botAdded(h.fake.serviceUrl));
    const [reply] = await h.fake.waitForMessages(1);

    expect(h.bot.heard).toEqual([{ userId: "aad-alice", input: "hello", reset: false }]);
    expect(reply?.activity.text).toBe("Hi! I am the test bot.");
  });

  it("ignores a conversationUpdate that only adds other people", async () => {
    const update = { ...botAdded(h.fake.serviceUrl), membersAdded: [{ id: BOB.id, name: BOB.name }] };
    expect((await h.post(update)).status).toBe(200);
    await h.post(personalMessage(h.fake.serviceUrl, "ping"));
    await h.fake.waitForMessages(1);
    expect(h.bot.inputs).toEqual(["ping"]);
  });

  it("shows typing while the bot thinks, before the answer", async () => {
    await h.post(personalMessage(h.fake.serviceUrl, "hi"));
    await h.fake.waitForMessages(1);
    const types = h.fake.received.map((r) => r.activity.type);
    expect(types.indexOf("typing")).toBeGreaterThanOrEqual(0);
    expect(types.indexOf("typing")).toBeLessThan(types.indexOf("message"));
  });

  it("answers a long reply in pieces Teams accepts, in order", async () => {
    await h.post(personalMessage(h.fake.serviceUrl, "long"));
    await h.fake.waitUntil(() => h.fake.messages.length >= 2, "two pieces");
    const texts = h.fake.messages.map((m) => m.activity.text ?? "");
    expect(texts.every((t) => t.length <= 20_000)).toBe(true);
    expect(texts.join(" ").split(" ")).toHaveLength(4000);
    expect(texts[0]?.startsWith("word0 word1")).toBe(true);
  });
});

describe("a configured greeting", () => {
  it("is what the bot hears when it is added to a team channel, and the welcome goes to that channel", async () => {
    const h = await startTeamsHarness({ greeting: "split" });
    try {
      const install = {
        ...botAdded(h.fake.serviceUrl),
        conversation: {
          id: "19:general@thread.tacv2",
          conversationType: "channel",
          isGroup: true,
          tenantId: "t",
        },
      } as ReturnType<typeof botAdded>;
      await h.post(install);
      const replies = await h.fake.waitForMessages(2);
      expect(h.bot.inputs).toEqual(["split"]);
      expect(replies.map((r) => [r.conversationId, r.activity.text])).toEqual([
        ["19:general@thread.tacv2", "One"],
        ["19:general@thread.tacv2", "Two"],
      ]);
    } finally {
      await h.close();
    }
  });
});
