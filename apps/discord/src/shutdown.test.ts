// Stopping: a message accepted before stop() is still answered; nothing is processed after.
import { afterEach, expect, test } from "vitest";
import { captureLogger } from "./test-support/capture-logger.js";
import { type Rig, startRig } from "./test-support/harness.js";
import { fakeUser } from "./testing/fake-discord.js";

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

test("a message accepted before stop is answered; one arriving while stopping is not processed", async () => {
  const logger = captureLogger();
  const r = await startRig({ logger });
  rig = r;
  const ann = fakeUser("2201", "ann");
  r.backend.hold();
  r.fake.sendDirectMessage(ann, "last words");
  await waitUntil(() => r.backend.inputs.length === 1);

  const stopping = r.gateway.stop();
  r.fake.sendDirectMessage(ann, "too late");
  // The late message reached the channel and was turned away while the bot was still thinking.
  await logger.waitFor((e) => e.msg === "discord message not accepted");
  r.backend.release();
  await stopping;

  expect(r.backend.inputs).toEqual(["2201: last words"]);
  expect(r.fake.messages.map((m) => m.content)).toEqual(["You said: last words"]);
});

async function waitUntil(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
