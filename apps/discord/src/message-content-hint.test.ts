import { afterEach, expect, test } from "vitest";
import { captureLogger } from "./test-support/capture-logger.js";
import { type Rig, startRig } from "./test-support/harness.js";
import { fakeUser } from "./testing/fake-discord.js";

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

test("a message that arrives with empty content is not answered and is logged with the Message Content hint", async () => {
  const logger = captureLogger();
  rig = await startRig({ logger });
  const hana = fakeUser("5001", "hana");
  const withheld = rig.fake.sendGuildMessage(hana, "hello", { mentionBot: true, contentWithheld: true });
  rig.fake.sendGuildMessage(hana, "hello", { mentionBot: true });
  await rig.fake.waitForMessages(1, rig.fake.guildChannelId);
  await rig.close();

  expect(rig.backend.inputs).toEqual(["5001: hello"]);
  const warning = logger.entries.find((e) => e.level === "warn" && e.fields.messageId === withheld.messageId);
  expect(warning?.msg).toMatch(/empty content.*Message Content intent must be enabled/);
});
