// parley chat: talk to the configured bot in the terminal, through the same gateway as every channel.
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import { replyToText } from "@parley/core";
import type { Command } from "commander";
import type { Io } from "../io.js";

export function registerChat(program: Command, io: Io): void {
  program
    .command("chat")
    .description("talk to the configured bot in the terminal (rich replies shown as text)")
    .option("--user <id>", "who you are to the bot (the bot remembers you by it)", safeUserName())
    .addHelpText("after", "\nExamples:\n  $ parley chat\n  $ echo 'my name is Ada' | parley chat --user ada")
    .action(async (flags: { user: string }) => {
      const { openRuntime } = await import("../start/runtime.js");
      const runtime = await openRuntime({ env: io.env, cwd: io.cwd, logLevel: "warn" });
      const { gateway, talkApi } = runtime;
      // The terminal is a channel like any other; replies come back through `ask`.
      gateway.register({
        name: "terminal",
        start: async () => {},
        stop: async () => {},
        send: async () => {},
      });
      await gateway.start();
      const interactive = process.stdin.isTTY === true;
      if (interactive)
        io.out(`Talking to "${talkApi.botname}" (${talkApi.kind}). Type a message; Ctrl+D to quit.`);
      const rl = createInterface({ input: process.stdin, terminal: interactive, prompt: "you> " });
      if (interactive) rl.prompt();
      try {
        for await (const line of rl) {
          const text = line.trim();
          if (text) {
            const { reply } = await gateway.ask({
              channel: "terminal",
              userId: flags.user,
              conversationId: "terminal",
              messageId: randomUUID(),
              text,
            });
            io.out(`bot> ${replyToText(reply).replace(/\n/g, "\n     ")}`);
          }
          if (interactive) rl.prompt();
        }
      } finally {
        await runtime.close();
      }
    });
}

function safeUserName(): string {
  try {
    return userInfo().username.replace(/[^A-Za-z0-9._-]/g, "") || "me";
  } catch {
    return "me";
  }
}
