// parley compile: the API's verify.

import { PandorabotsBadRequestError, type PandorabotsClient } from "@parley/pandorabots";
import type { Command } from "commander";
import { CliFailure } from "../errors.js";
import { addHostOptions, type HostFlags, hostContext, requireBot } from "../host/host-options.js";
import type { Io } from "../io.js";
import { describeCompileResults } from "./compile-results.js";

export async function compileBot(client: PandorabotsClient, bot: string, io: Io): Promise<void> {
  try {
    await client.verify(bot);
    io.out(`compiled bot ${bot}: ok`);
  } catch (error) {
    if (error instanceof PandorabotsBadRequestError) {
      for (const line of describeCompileResults(error.results)) io.err(`  ${line}`);
      throw new CliFailure(`bot ${bot} did not compile: ${error.serverMessage ?? error.message}`);
    }
    throw error;
  }
}

export function registerCompile(program: Command, io: Io): void {
  addHostOptions(
    program.command("compile").description("compile the bot's uploaded files (the API's verify)"),
  )
    .addHelpText("after", "\nExample:\n  $ parley compile --bot mybot")
    .action(async (flags: HostFlags) => {
      const ctx = hostContext(flags, io.env, io.cwd);
      await compileBot(ctx.client, requireBot(ctx), io);
    });
}
