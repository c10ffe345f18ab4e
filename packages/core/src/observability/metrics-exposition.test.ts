import { register as globalRegistry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics, safeLabel } from "./index.js";

describe("createMetrics", () => {
  it("exposes queue, talk and message figures in Prometheus text on its own registry", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.queue.backlog(3);
    metrics.queue.attempt("retry", 120);
    metrics.queue.attempt("ok", 80);
    metrics.queue.rejected();
    metrics.received("slack");
    metrics.received("slack");
    metrics.answered("slack");
    metrics.talkError(429);
    metrics.queue.running(1);
    expect(await metrics.registry.metrics()).toMatch(/^parley_talk_in_flight 1$/m);
    metrics.queue.running(0);
    metrics.queue.attempt("failed", 15_000);
    metrics.talkError("timeout");

    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^parley_queue_depth 3$/m);
    expect(text).toMatch(/^parley_talk_in_flight 0$/m);
    expect(text).toMatch(/^parley_talk_retries_total 1$/m);
    expect(text).toMatch(/^parley_queue_rejected_total 1$/m);
    expect(text).toMatch(/^parley_talk_duration_seconds_count\{outcome="retry"\} 1$/m);
    expect(text).toMatch(/^parley_talk_duration_seconds_count\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^parley_talk_errors_total\{status="429"\} 1$/m);
    expect(text).toMatch(/^parley_talk_errors_total\{status="timeout"\} 1$/m);
    expect(text).toMatch(/^parley_messages_received_total\{channel="slack"\} 2$/m);
    expect(text).toMatch(/^parley_messages_answered_total\{channel="slack"\} 1$/m);
    expect(await globalRegistry.metrics()).not.toContain("parley_");
  });

  it("counts every message outcome and the reply latency per channel", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.message("telegram", "accepted");
    metrics.message("telegram", "duplicate");
    metrics.message("telegram", "failed");
    metrics.replyLatency("telegram", 1500);
    metrics.queue.running(2);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^parley_messages_total\{channel="telegram",outcome="duplicate"\} 1$/m);
    expect(text).toMatch(/^parley_messages_total\{channel="telegram",outcome="failed"\} 1$/m);
    expect(text).toMatch(/^parley_reply_duration_seconds_bucket\{le="2",channel="telegram"\} 1$/m);
    expect(text).toMatch(/^parley_reply_duration_seconds_bucket\{le="1",channel="telegram"\} 0$/m);
    expect(text).toMatch(/^parley_talk_in_flight 2$/m);
  });

  it("lets two instances live side by side", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.received("telegram");
    expect(await a.registry.metrics()).toMatch(/channel="telegram"\} 1/);
    expect(await b.registry.metrics()).not.toMatch(/channel="telegram"/);
    expect(await a.registry.metrics()).toContain("parley_process_cpu_seconds_total");
  });

  it("never lets an id or a secret into a label", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.received("U123ABC:T456");
    metrics.received("xoxb-1234-abcdefghijklmnopqrstuvwxyz");
    metrics.talkError("Bearer abc.def");
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^parley_messages_received_total\{channel="other"\} 2$/m);
    expect(text).not.toContain("U123ABC");
    expect(text).not.toContain("xoxb");
    expect(text).not.toContain("Bearer");
    expect(safeLabel("webchat")).toBe("webchat");
    expect(safeLabel("503")).toBe("503");
  });
});
