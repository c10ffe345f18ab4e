import { expect, it } from "vitest";
import { TalkQueue } from "../queue/index.js";
import { MemoryInterlocutorStore } from "../store/index.js";
import { GatewayClosedError } from "./errors.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, memoryLogger, RecordingChannel, sleep } from "./test-support/fakes.js";

it("stop drains every accepted message, then stops the channels and refuses new ones", async () => {
  const backend = new FakeBackend(() => sleep(3 + Math.random() * 5));
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: { concurrency: 3 },
  });
  await gateway.start();
  expect(channel.started).toBe(true);
  for (let i = 0; i < 30; i++) {
    expect((await gateway.receive(inbound(`u${i % 5}`, `msg ${i}`))).status).toBe("accepted");
  }
  await gateway.stop();
  expect(channel.sent).toHaveLength(30);
  expect(channel.stopped).toBe(true);
  // Each person's replies arrive in the order they wrote.
  for (let u = 0; u < 5; u++) {
    const expected = Array.from({ length: 6 }, (_, k) => `echo: msg ${u + 5 * k}`);
    expect(channel.textsTo(`conv-u${u}`)).toEqual(expected);
  }
  await expect(gateway.receive(inbound("u1", "late"))).rejects.toBeInstanceOf(GatewayClosedError);
});

it("a shared queue is not closed by one gateway's stop", async () => {
  const store = new MemoryInterlocutorStore();
  const channel = new RecordingChannel();
  const queue = new TalkQueue({ concurrency: 4 });
  const first = createGateway({ bot: "one", backend: new FakeBackend(), store, channels: [channel], queue });
  const second = createGateway({ bot: "two", backend: new FakeBackend(), store, queue });
  second.register(new RecordingChannel());
  await first.stop();
  expect((await second.receive(inbound("u", "still here"))).status).toBe("accepted");
  await second.stop();
  expect(queue.closed).toBe(false);
  await queue.close();
});

it("stop with a timeout gives up on a message that never finishes, and says so", async () => {
  const channel = new RecordingChannel();
  const logger = memoryLogger();
  const gateway = createGateway({
    bot: "b",
    backend: new FakeBackend(() => new Promise(() => {})),
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    queue: { timeoutMs: 60_000 },
    logger,
  });
  await gateway.receive(inbound("stuck", "hello"));
  await gateway.stop({ timeoutMs: 30 });
  expect(channel.stopped).toBe(true);
  expect(logger.entries.some((e) => e.level === "warn" && e.obj.unfinished === 1)).toBe(true);
});
