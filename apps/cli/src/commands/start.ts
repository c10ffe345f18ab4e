// parley start: the main job.

import { CONFIG_VARIABLES } from "@parley/core";
import type { Command } from "commander";
import type { Io } from "../io.js";
import { onShutdownSignal } from "../signals.js";

export function registerStart(program: Command, io: Io): void {
  program
    .command("start")
    .description(
      "run Parley: the shared talk queue, the embedded Pandorabots-compatible server (unless PANDORABOTS_HOST is set), the web chat and every channel whose credentials are set",
    )
    .addHelpText(
      "after",
      `\nSettings (env vars, or a parley.config.yaml / PARLEY_CONFIG file):\n${CONFIG_VARIABLES.map(
        (v) =>
          `  ${v.name.padEnd(26)} ${v.description}${v.default !== undefined ? ` (default ${v.default})` : ""}`,
      ).join(
        "\n",
      )}\nChannels: TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), DISCORD_TOKEN, MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD; see the README.\n\nExamples:\n  $ parley start\n  $ PORT=8080 TELEGRAM_BOT_TOKEN=123:abc parley start`,
    )
    .action(async () => {
      // Loaded on use: the channel SDKs are heavy and other commands do not need them.
      const { startParley } = await import("../start/run-start.js");
      const started = await startParley({ env: io.env, cwd: io.cwd, print: io.out });
      await new Promise<void>((resolve) => {
        onShutdownSignal(async (signal) => {
          io.err(`\n${signal} received: finishing accepted messages, then exiting`);
          await started.stop();
          resolve();
        });
      });
    });
}
