// The `parley` command line: every subcommand, with help that shows an example.

import { isParleyError } from "@parley/core";
import { Command, CommanderError } from "commander";
import { registerBots } from "./commands/bots.js";
import { registerChat } from "./commands/chat.js";
import { registerCompile } from "./commands/compile.js";
import { registerFiles } from "./commands/files.js";
import { registerPull } from "./commands/pull.js";
import { registerPush } from "./commands/push.js";
import { registerServer } from "./commands/server.js";
import { registerStart } from "./commands/start.js";
import { registerTalk } from "./commands/talk.js";
import { exitCodeOf, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { cliVersion } from "./version.js";

export function buildProgram(io: Io): Command {
  const program = new Command("parley")
    .description("Put an AIML bot on every chat channel, and manage any Pandorabots-compatible host.")
    .version(cliVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .addHelpText(
      "after",
      `\nExamples:\n  $ parley start                       # web chat on http://127.0.0.1:3000 with the embedded demo bot\n  $ parley chat                        # talk to the bot in this terminal\n  $ parley server --port 8011          # the Pandorabots-compatible server alone\n  $ parley push ./mybot --bot mybot    # upload a folder of bot files and compile\n  $ parley talk "hello" --bot mybot`,
    );
  program.exitOverride();
  registerStart(program, io);
  registerServer(program, io);
  registerChat(program, io);
  registerBots(program, io);
  registerFiles(program, io);
  registerPush(program, io);
  registerPull(program, io);
  registerCompile(program, io);
  registerTalk(program, io);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the program; returns the exit code: 0 ok, 1 failure, 2 usage. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a CommanderError too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      return 2;
    }
    io.err(`error: ${describe(error)}`);
    return exitCodeOf(error);
  }
}

function describe(error: unknown): string {
  if (isParleyError(error)) {
    const hint = "hint" in error && error.hint ? `\n${String(error.hint)}` : "";
    const lines = error.message.split("\n");
    return (lines.length > 1 ? `invalid configuration:\n  ${lines.join("\n  ")}` : error.message) + hint;
  }
  return error instanceof Error ? error.message : String(error);
}
