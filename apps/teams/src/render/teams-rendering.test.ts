import type { Reply } from "@parley/core";
import { describe, expect, it } from "vitest";
import { renderReply, type TeamsStep } from "./render-reply.js";

const personal = { conversationType: "personal" as const, userId: "29:alice" };
const one = (...parts: Reply["messages"][number]): Reply => ({ messages: [parts] });
const activities = (steps: TeamsStep[]) => steps.flatMap((s) => (s.kind === "activity" ? [s.activity] : []));

describe("the Teams rendering of a reply", () => {
  it("keeps text that follows an attachment below it, in a second activity", () => {
    const steps = renderReply(
      one(
        { type: "text", text: "Look:" },
        { type: "image", url: "https://example.com/a.jpg" },
        { type: "text", text: "Nice?" },
      ),
      personal,
    );
    expect(activities(steps).map((a) => [a.text, a.attachments?.map((x) => x.contentType)])).toEqual([
      ["Look:", ["image/jpeg"]],
      ["Nice?", undefined],
    ]);
  });

  it("keeps within Teams' limits: six buttons per card, ten cards per carousel", () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({ text: `b${i}` }));
    const [card] = activities(renderReply(one({ type: "buttons", text: "Pick", buttons }), personal));
    expect((card?.attachments?.[0]?.content as { buttons?: unknown[] } | undefined)?.buttons).toHaveLength(6);
    const cards = Array.from({ length: 12 }, (_, i) => ({ title: `c${i}`, buttons: [] }));
    const [carousel] = activities(renderReply(one({ type: "carousel", cards }), personal));
    expect(carousel?.attachments).toHaveLength(10);
  });

  it("puts quick replies on the message's last activity, shown to the person who asked", () => {
    const [activity] = activities(
      renderReply(
        one(
          { type: "text", text: "Size?" },
          { type: "quickReplies", replies: [{ text: "S" }, { text: "L", postback: "large" }] },
        ),
        personal,
      ),
    );
    expect(activity?.suggestedActions).toEqual({
      to: ["29:alice"],
      actions: [
        { type: "imBack", title: "S", value: "S" },
        { type: "imBack", title: "L", value: "large" },
      ],
    });
  });

  it("caps a delay and renders a video as a link", () => {
    const steps = renderReply(
      one({ type: "delay", seconds: 600 }, { type: "video", url: "https://example.com/v.mp4" }),
      personal,
    );
    expect(steps[0]).toEqual({ kind: "delay", seconds: 30 });
    expect(activities(steps)[0]?.text).toBe("[https://example.com/v.mp4](https://example.com/v.mp4)");
  });

  it("escapes HTML and Markdown in the bot's text; an empty reply sends nothing", () => {
    const [activity] = activities(renderReply(one({ type: "text", text: "<b>x</b> # 1" }), personal));
    expect(activity?.text).toBe("&lt;b&gt;x&lt;/b&gt; \\# 1");
    expect(renderReply({ messages: [[{ type: "text", text: "  " }]] }, personal)).toEqual([]);
  });
});
