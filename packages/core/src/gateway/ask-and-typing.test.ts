import { expect, it } from "vitest";
import { MemoryInterlocutorStore } from "../store/index.js";
import { InvalidInboundError } from "./errors.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, RecordingChannel, sleep } from "./test-support/fakes.js";

it("ask resolves with the parsed reply and the interlocutor, without sending it to the channel", async () => {
  const backend = new FakeBackend();
  const channel = new RecordingChannel("webchat");
  const store = new MemoryInterlocutorStore();
  const gateway = createGateway({
    bot: "b",
    backend,
    store,
    channels: [channel],
    parse: (responses) => ({ messages: [[{ type: "text", text: responses.join("|") }]] }),
  });
  const message = inbound("w1", "hi", { channel: "webchat" });
  const result = await gateway.ask(message);
  expect(result.reply).toEqual({ messages: [[{ type: "text", text: "echo: hi" }]] });
  const stored = await store.get({ bot: "b", channel: "webchat", userId: "w1" });
  expect(result.interlocutor).toEqual({ id: stored?.id, clientName: stored?.clientName });
  expect(result.interlocutor.clientName).toMatch(/^aiaas-/);
  expect(channel.sent).toHaveLength(0);
  // A client retrying the same message gets the same answer, without a second talk call.
  expect(await gateway.ask({ ...message })).toEqual(result);
  expect(backend.calls).toHaveLength(1);
  await gateway.stop();
});

it("the default parser turns rich markup into reply parts", async () => {
  const backend = new FakeBackend();
  const gateway = createGateway({ bot: "b", backend, store: new MemoryInterlocutorStore() });
  const result = await gateway.ask(inbound("w2", "<button>Yes</button>"));
  expect(result.reply.messages.flat().some((part) => part.type === "buttons")).toBe(true);
  await gateway.stop();
});

it("shows typing at once when a message is accepted, before the bot answers", async () => {
  const channel = new RecordingChannel();
  let answer!: () => void;
  const backend = new FakeBackend(() => new Promise<void>((resolve) => (answer = resolve)));
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    // Longer than the test: the one indicator seen can only be the immediate one, never a repeat.
    typingIntervalMs: 60_000,
  });
  await gateway.receive(inbound("t1", "think hard"));
  expect(channel.typed).toEqual([expect.objectContaining({ conversationId: "conv-t1" })]);
  while (backend.calls.length === 0) await sleep(5);
  answer();
  await gateway.stop();
  expect(channel.sent).toHaveLength(1);
  expect(channel.typed).toHaveLength(1);
});

it("repeats typing while the bot thinks, and stops once it answered", async () => {
  const channel = new RecordingChannel();
  // The bot answers only once the indicator was repeated, however slow the machine is.
  const backend = new FakeBackend(async () => {
    while (channel.typed.length < 3) await sleep(5);
  });
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    typingIntervalMs: 20,
  });
  await gateway.receive(inbound("t2", "think harder"));
  await gateway.stop();
  const typedWhileWaiting = channel.typed.length;
  expect(typedWhileWaiting).toBeGreaterThanOrEqual(3);
  // Timers fire in due order: a repeat still running (every 20 ms) would show up within 100 ms.
  await sleep(100);
  expect(channel.typed).toHaveLength(typedWhileWaiting);
  expect(channel.typed.every((to) => to.conversationId === "conv-t2")).toBe(true);
});

it("rejects malformed messages and unknown channels with an actionable error", async () => {
  const gateway = createGateway({
    bot: "b",
    backend: new FakeBackend(),
    store: new MemoryInterlocutorStore(),
    channels: [new RecordingChannel()],
  });
  await expect(gateway.receive(inbound("x", "   "))).rejects.toBeInstanceOf(InvalidInboundError);
  await expect(gateway.receive(inbound("", "hi"))).rejects.toThrow(/userId/);
  await expect(gateway.receive(inbound("x", "hi", { channel: "nope" }))).rejects.toThrow(/have: test/);
  await gateway.stop();
});
