import { describe, expect, it } from "vitest";
import { blockActionToInbound } from "./block-action.js";
import { messageEventToInbound } from "./message-event.js";
import { RecentIds } from "./recent-ids.js";

const ctx = { teamId: "T1", botUserId: "UBOT" };
const dm = { type: "message", channel: "D1", channel_type: "im", user: "U1", ts: "1.1" };

describe("which Slack events reach the bot", () => {
  it("takes a DM as the person's input, scoped to the workspace", () => {
    const d = messageEventToInbound({ ...dm, text: "hi there" }, ctx);
    expect(d).toEqual({
      answer: true,
      inbound: {
        channel: "slack",
        userId: "T1:U1",
        conversationId: "D1",
        messageId: "D1:1.1",
        text: "hi there",
        replyTo: "1.1",
      },
    });
  });

  it("strips the bot's mention (with or without a label) and turns Slack markup back into text", () => {
    const d = messageEventToInbound(
      {
        type: "app_mention",
        channel: "C1",
        user: "U1",
        ts: "2.2",
        text: "<@UBOT|parley> see <https://x.test|the site> &amp; <mailto:a@b.test|mail> &lt;3",
      },
      ctx,
    );
    expect(d.answer && d.inbound.text).toBe("see the site & mail <3");
  });

  it("ignores what is not for the bot, saying why", () => {
    const cases = [
      [{ ...dm, text: "x", subtype: "bot_message" }, "subtype bot_message"],
      [{ ...dm, text: "x", bot_id: "B2" }, "bot message"],
      [{ ...dm, text: "x", user: "UBOT" }, "own message"],
      [{ ...dm, text: "x", edited: { ts: "3" } }, "edit"],
      [
        { ...dm, channel: "C1", channel_type: "channel", text: "<@UBOT> hi" },
        "channel message without mention",
      ],
      [{ ...dm, type: "app_mention", text: "<@UBOT> hi" }, "mention in a DM"],
      [{ ...dm, text: "<@UBOT>" }, "empty text"],
    ] as const;
    for (const [event, reason] of cases)
      expect(messageEventToInbound(event, ctx)).toEqual({ answer: false, reason });
  });

  it("keeps the thread of a threaded message for the reply", () => {
    const d = messageEventToInbound({ ...dm, text: "x", thread_ts: "0.5" }, ctx);
    expect(d.answer && d.inbound.meta).toEqual({ thread_ts: "0.5" });
  });

  it("turns a postback button click into input, and ignores URL buttons", () => {
    const body = {
      team: { id: "T1" },
      user: { id: "U1" },
      channel: { id: "C1" },
      message: { ts: "5.5", thread_ts: "4.4" },
    };
    const click = blockActionToInbound(body, {
      type: "button",
      action_id: "parley:postback:1",
      action_ts: "6.6",
      value: "yes",
    });
    expect(click).toMatchObject({
      answer: true,
      inbound: { userId: "T1:U1", conversationId: "C1", text: "yes", meta: { thread_ts: "4.4" } },
    });
    const url = blockActionToInbound(body, { type: "button", action_id: "parley:url:2", action_ts: "6.7" });
    expect(url.answer).toBe(false);
  });
});

describe("remembered event ids", () => {
  it("claims an id once, forgets the oldest past capacity, and can release a failed one", () => {
    const ids = new RecentIds(2);
    expect(ids.claim("a")).toBe(true);
    expect(ids.claim("a")).toBe(false);
    ids.claim("b");
    ids.claim("c");
    expect(ids.claim("a")).toBe(true);
    ids.release("c");
    expect(ids.claim("c")).toBe(true);
  });
});
