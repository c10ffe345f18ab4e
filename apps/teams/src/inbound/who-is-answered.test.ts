import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { BOB, BOT, channelMessage, personalMessage } from "../testing/activities.js";
import { messageToInbound } from "./activity-to-inbound.js";

const url = "https://smba.trafficmanager.net/amer/";

describe("which Teams messages the bot answers, and as what input", () => {
  it("strips only the bot's mention, keeping other people's names", () => {
    const message = channelMessage(url, "ask <at>Bob</at> too", { mention: true });
    message.entities?.push({
      type: "mention",
      text: "<at>Bob</at>",
      mentioned: { id: BOB.id, name: BOB.name },
    });
    const decision = messageToInbound(message);
    expect(decision).toMatchObject({ answer: true, inbound: { text: "ask Bob too" } });
  });

  it("does not take another person's mention for the bot's", () => {
    const message: Partial<Activity> = {
      ...channelMessage(url, "<at>Bob</at> hi"),
      entities: [{ type: "mention", text: "<at>Bob</at>", mentioned: { id: BOB.id, name: BOB.name } }],
    };
    expect(messageToInbound(message)).toEqual({
      answer: false,
      reason: "channel message without a mention of the bot",
    });
  });

  it("carries what a reply needs in the address meta", () => {
    const decision = messageToInbound(personalMessage(url, "hi&nbsp;there "));
    if (!decision.answer) throw new Error("expected an answer");
    expect(decision.inbound.text).toBe("hi there");
    expect(decision.inbound.meta).toEqual({
      serviceUrl: url,
      channelId: "msteams",
      conversationType: "personal",
      botId: BOT.id,
      botName: BOT.name,
      userId: "29:alice-teams-id",
      tenantId: "72f988bf-0000-0000-0000-000000000000",
    });
    expect(decision.inbound.profile).toEqual({ name: "Alice", locale: "en-US" });
  });

  it("/reset starts a new session; the bot's own messages and empty ones are ignored", () => {
    expect(messageToInbound(personalMessage(url, "/reset"))).toMatchObject({
      inbound: { resetSession: true },
    });
    const own = { ...personalMessage(url, "echo"), from: { ...BOT } };
    expect(messageToInbound(own)).toEqual({ answer: false, reason: "own message" });
    expect(messageToInbound(channelMessage(url, "", { mention: true }))).toEqual({
      answer: false,
      reason: "no text",
    });
  });
});
