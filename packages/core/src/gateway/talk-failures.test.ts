import { expect, it } from "vitest";
import { TalkApiError } from "../queue/index.js";
import { MemoryInterlocutorStore } from "../store/index.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, memoryLogger, RecordingChannel, textOf } from "./test-support/fakes.js";

const fastRetry = { retries: 2, retry: { baseDelayMs: 5, maxDelayMs: 10 } };

it("a 429 with Retry-After is retried and the reply delivered once", async () => {
  const backend = new FakeBackend((_req, index) => {
    if (index === 0) throw new TalkApiError("over the call limit", { status: 429, retryAfterMs: 50 });
  });
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: fastRetry,
  });
  await gateway.receive(inbound("carol", "hello"));
  await gateway.stop();
  expect(backend.calls).toHaveLength(2);
  expect(channel.textsTo("conv-carol")).toEqual(["echo: hello"]);
});

it("when the talk API fails for good: one apology per message, an error log naming the interlocutor, nothing duplicated", async () => {
  const backend = new FakeBackend(() => {
    throw new TalkApiError("internal server error", { status: 500 });
  });
  const channel = new RecordingChannel();
  const logger = memoryLogger();
  const store = new MemoryInterlocutorStore();
  const gateway = createGateway({
    bot: "b",
    backend,
    store,
    channels: [channel],
    queue: fastRetry,
    logger,
    apologyReply: "Sorry, the bot is unwell.",
  });
  await gateway.receive(inbound("dave", "one"));
  await gateway.receive(inbound("dave", "two"));
  await gateway.stop();

  expect(backend.calls).toHaveLength(6); // (1 + 2 retries) per message
  expect(channel.textsTo("conv-dave")).toEqual(["Sorry, the bot is unwell.", "Sorry, the bot is unwell."]);
  const dave = await store.get({ bot: "b", channel: "test", userId: "dave" });
  const errors = logger.entries.filter((e) => e.level === "error");
  expect(errors).toHaveLength(2);
  for (const entry of errors) {
    expect(entry.obj.interlocutorId).toBe(dave?.id);
    expect(entry.msg).toContain(dave?.id);
  }
  // The failed atalk stored no client name: the next message tries a first contact again.
  expect(dave?.clientName).toBeNull();
});

it("a non-retryable error is not retried and still gets the apology", async () => {
  const backend = new FakeBackend(() => {
    throw new TalkApiError("input too long", { status: 400 });
  });
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
  });
  await gateway.receive(inbound("erin", "x"));
  await gateway.stop();
  expect(backend.calls).toHaveLength(1);
  expect(channel.sent.map((s) => textOf(s.reply))).toHaveLength(1);
});

it("an answer the parser cannot read gets the apology instead of silence", async () => {
  const channel = new RecordingChannel();
  const logger = memoryLogger();
  const gateway = createGateway({
    bot: "b",
    backend: new FakeBackend(),
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    logger,
    apologyReply: "Sorry!",
    parse: () => {
      throw new Error("parser bug");
    },
  });
  await gateway.receive(inbound("fay", "hi"));
  const asked = await gateway.ask(inbound("fay", "again"));
  await gateway.stop();
  expect(channel.textsTo("conv-fay")).toEqual(["Sorry!"]);
  expect(textOf(asked.reply)).toBe("Sorry!");
  expect(logger.entries.filter((e) => e.level === "error")).toHaveLength(2);
});
