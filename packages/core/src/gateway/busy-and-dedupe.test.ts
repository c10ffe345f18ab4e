import { expect, it } from "vitest";
import { MemoryInterlocutorStore } from "../store/index.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, RecordingChannel } from "./test-support/fakes.js";

it("a full backlog answers with the busy reply instead of dropping the message", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const backend = new FakeBackend(() => gate);
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: { concurrency: 1, maxBacklog: 2 },
    busyReply: "Too many people at once, try again soon.",
  });
  expect((await gateway.receive(inbound("u1", "a"))).status).toBe("accepted");
  expect((await gateway.receive(inbound("u2", "b"))).status).toBe("accepted");
  expect((await gateway.receive(inbound("u3", "c"))).status).toBe("busy");
  await channel.waitForSent(1);
  expect(channel.textsTo("conv-u3")).toEqual(["Too many people at once, try again soon."]);
  release();
  await gateway.stop();
  expect(channel.textsTo("conv-u1")).toEqual(["echo: a"]);
  expect(channel.textsTo("conv-u2")).toEqual(["echo: b"]);
  expect(backend.calls.map((c) => c.input)).toEqual(["a", "b"]);
});

it("the same (channel, messageId) delivered twice is answered once", async () => {
  const backend = new FakeBackend();
  const chat = new RecordingChannel("chat");
  const other = new RecordingChannel("other");
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [chat, other],
  });
  const message = inbound("u1", "hello", { channel: "chat", messageId: "same-id" });
  expect((await gateway.receive(message)).status).toBe("accepted");
  expect((await gateway.receive({ ...message })).status).toBe("duplicate");
  // Another channel may reuse the id: it is a different message.
  expect((await gateway.receive({ ...message, channel: "other" })).status).toBe("accepted");
  await gateway.stop();
  expect(backend.calls).toHaveLength(2);
  expect(chat.sent).toHaveLength(1);
  expect(other.sent).toHaveLength(1);
});

it("forgets a messageId after the dedupe TTL", async () => {
  const backend = new FakeBackend();
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    dedupeTtlMs: 20,
  });
  const message = inbound("u1", "hello", { messageId: "again" });
  await gateway.receive(message);
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect((await gateway.receive({ ...message })).status).toBe("accepted");
  await gateway.stop();
  expect(backend.calls).toHaveLength(2);
});
