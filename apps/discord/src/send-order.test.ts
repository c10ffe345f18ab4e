import type { Address } from "@parley/core";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type Rig, startRig } from "./test-support/harness.js";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
});

test("replies to one channel go out in order, even when the first pauses on a <delay> (shown as typing)", async () => {
  const to: Address = { channel: "discord", conversationId: rig.fake.guildChannelId };
  const first = rig.channel.send(to, {
    messages: [
      [
        { type: "text", text: "a1" },
        { type: "delay", seconds: 1 },
        { type: "text", text: "a2" },
      ],
    ],
  });
  const second = rig.channel.send(to, { messages: [[{ type: "text", text: "b1" }]] });
  await Promise.all([first, second]);

  expect(rig.fake.messages.map((m) => m.content)).toEqual(["a1", "a2", "b1"]);
  const channelPath = `/channels/${rig.fake.guildChannelId}`;
  const calls = rig.fake.requests.filter((r) => r.includes(channelPath));
  expect(calls).toEqual([
    `POST ${channelPath}/messages`,
    `POST ${channelPath}/typing`,
    `POST ${channelPath}/messages`,
    `POST ${channelPath}/messages`,
  ]);
});

test("when Discord answers 429, discord.js waits it out and the reply's messages still arrive in order", async () => {
  const to: Address = { channel: "discord", conversationId: rig.fake.guildChannelId };
  rig.fake.rateLimitNextMessages(1);
  await rig.channel.send(to, {
    messages: [[{ type: "text", text: "first" }], [{ type: "text", text: "second" }]],
  });
  expect(rig.fake.messages.map((m) => m.content)).toEqual(["first", "second"]);
  // Three posts: the refused one, its retry, and the second message.
  const posts = rig.fake.requests.filter((r) => r === `POST /channels/${rig.fake.guildChannelId}/messages`);
  expect(posts).toHaveLength(3);
});
