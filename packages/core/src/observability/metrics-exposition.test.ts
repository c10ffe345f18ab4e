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
    const end = metrics.startTalk();
    const running = await metrics.registry.metrics();
    expect(running).toMatch(/^parley_talk_in_flight 1$/m);
    end("failed", { status: "timeout" });
    end("failed", { status: "timeout" }); // a second call is ignored

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
