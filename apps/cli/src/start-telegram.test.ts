import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  callbackUpdate,
  FakeBotApi,
  messageUpdate,
  person,
  privateChat,
  textMessage,
} from "@parley/telegram/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type StartedParley, startParley } from "./start/run-start.js";

const TOKEN = "123456:start-test-token-abcdefghijklmnop";

describe("parley start with a channel turned on by its credentials", { timeout: 60_000 }, () => {
  let fake: FakeBotApi | undefined;
  let parley: StartedParley | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await parley?.stop();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("answers Telegram messages from the embedded demo bot, buttons included, in one process", async () => {
    fake = await FakeBotApi.start({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), "parley-tg-"));
    const printed: string[] = [];
    parley = await startParley({
      cwd: dir,
      print: (t) => printed.push(t),
      env: {
        PORT: "0",
        LOG_LEVEL: "silent",
        PARLEY_DATA_DIR: dir,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
      },
    });
    expect(printed.join("\n")).toMatch(/telegram\s+on/);
    expect(printed.join("\n")).not.toContain(TOKEN);

    const tess = person(4242, "Tess");
    fake.pushUpdate(messageUpdate(textMessage(privateChat(tess), tess, "my name is Tess")));
    const [greeting] = await fake.waitForCount("sendMessage", 1);
    expect(greeting?.params.text).toContain("Tess");

    fake.pushUpdate(messageUpdate(textMessage(privateChat(tess), tess, "buttons")));
    const sent = await fake.waitForCount("sendMessage", 2);
    const withButtons = sent[1];
    const keyboard = withButtons?.params.reply_markup?.inline_keyboard as Array<
      Array<{ text: string; callback_data?: string }>
    >;
    const hello = keyboard.flat().find((b) => b.text === 'Send "hello"');
    expect(hello?.callback_data).toBeTruthy();

    fake.pushUpdate(callbackUpdate(tess, withButtons?.result, hello?.callback_data as string));
    const after = await fake.waitForCount("sendMessage", 3);
    expect(after[2]?.params.text).toContain("Hello, Tess!");
    expect(fake.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("takes the channel's settings from the config file too, keeping the token out of the summary", async () => {
    fake = await FakeBotApi.start({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), "parley-tg-"));
    writeFileSync(
      join(dir, "parley.config.yaml"),
      `channels:\n  TELEGRAM_BOT_TOKEN: "${TOKEN}"\n  TELEGRAM_API_ROOT: "${fake.apiRoot}"\n`,
    );
    const printed: string[] = [];
    parley = await startParley({
      cwd: dir,
      print: (t) => printed.push(t),
      env: { PORT: "0", LOG_LEVEL: "silent", PARLEY_DATA_DIR: dir },
    });
    expect(printed.join("\n")).toMatch(/telegram\s+on/);
    expect(printed.join("\n")).not.toContain(TOKEN);
    const ann = person(77, "Ann");
    fake.pushUpdate(messageUpdate(textMessage(privateChat(ann), ann, "hello")));
    const [greeting] = await fake.waitForCount("sendMessage", 1);
    expect(greeting?.params.text).toMatch(/Hello/);
  });
});
