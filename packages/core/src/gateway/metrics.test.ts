import { expect, it } from "vitest";
import { createMetrics } from "../observability/index.js";
import { TalkApiError } from "../queue/index.js";
import { MemoryInterlocutorStore } from "../store/index.js";
import { createGateway } from "./gateway.js";
import { FakeBackend, inbound, RecordingChannel } from "./test-support/fakes.js";

it("the core's createMetrics plugs in as is and counts messages, retries and talk errors", async () => {
  const metrics = createMetrics({ processMetrics: false });
  const backend = new FakeBackend((_req, index) => {
    if (index === 0) throw new TalkApiError("bad gateway", { status: 502 });
  });
  const channel = new RecordingChannel();
  const gateway = createGateway({
    bot: "b",
    backend,
    store: new MemoryInterlocutorStore(),
    channels: [channel],
    metrics,
    queue: { retry: { baseDelayMs: 5, maxDelayMs: 10 } },
  });
  await gateway.receive(inbound("m1", "hello"));
  await gateway.receive(inbound("m2", "hello"));
  await gateway.stop();

  const text = await metrics.registry.metrics();
  expect(text).toMatch(/parley_messages_received_total\{channel="test"\} 2/);
  expect(text).toMatch(/parley_messages_answered_total\{channel="test"\} 2/);
  expect(text).toMatch(/parley_talk_errors_total\{status="502"\} 1/);
  expect(text).toMatch(/parley_talk_retries_total 1/);
  expect(text).toMatch(/parley_queue_depth 0/);
  // No person's id or message text ends up in a label.
  expect(text).not.toMatch(/m1|m2|hello/);
});
