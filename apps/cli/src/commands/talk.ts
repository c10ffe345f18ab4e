// parley talk TEXT / parley atalk TEXT: one call of the talk API, printed as the service answered.

import type { TalkParams } from "@parley/pandorabots";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { addHostOptions, type HostFlags, hostContext } from "../host/host-options.js";
import type { Io } from "../io.js";

interface TalkFlags extends HostFlags {
  clientName?: string;
  session?: string;
  extra?: boolean;
  trace?: boolean;
  reset?: boolean;
  json?: boolean;
}

export function registerTalk(program: Command, io: Io): void {
  for (const endpoint of ["talk", "atalk"] as const) {
    const command = program
      .command(`${endpoint} <text...>`)
      .description(
        endpoint === "talk"
          ? "send one input to the bot (the talk API)"
          : "anonymous talk: without --client-name the host creates a persistent client name",
      )
      .option("--client-name <name>", "the end user's client_name")
      .option("--session <id>", "continue this session id")
      .option("--extra", "also return the matched pattern, that, topic, file and template")
      .option("--trace", "also return the AIML trace (not with --client-name)")
      .option("--reset", "discard the bot's memory of this client first")
      .option("--json", "print the service's answer as JSON");
    addHostOptions(command)
      .addHelpText(
        "after",
        endpoint === "talk"
          ? '\nExamples:\n  $ parley talk "hello" --bot mybot\n  $ parley talk "what is my name" --bot mybot --client-name aiaas-parley-user-0000'
          : '\nExample:\n  $ parley atalk "hello" --bot mybot   # prints the new client_name',
      )
      .action(async (words: string[], flags: TalkFlags) => {
        const ctx = hostContext(flags, io.env, io.cwd);
        const params: TalkParams = { input: words.join(" ") };
        if (ctx.botname && !(flags.botkey && !flags.bot)) params.botname = ctx.botname;
        if (!params.botname && !ctx.client.hasBotkey) {
          throw new UsageError(
            "no bot to talk to: pass --bot NAME (with --app-id and --user-key) or --botkey KEY, or set PANDORABOTS_BOTNAME",
          );
        }
        if (flags.clientName) params.client_name = flags.clientName;
        if (flags.session) params.sessionid = flags.session;
        if (flags.extra) params.extra = true;
        if (flags.trace) params.trace = true;
        if (flags.reset) params.reset = true;
        const result = await (endpoint === "talk" ? ctx.client.talk(params) : ctx.client.atalk(params));
        if (flags.json) {
          io.out(JSON.stringify(result, null, 2));
          return;
        }
        for (const response of result.responses) io.out(response);
        const meta = [
          result.clientName ? `client_name=${result.clientName}` : "",
          result.sessionId !== undefined ? `sessionid=${result.sessionId}` : "",
        ].filter(Boolean);
        if (meta.length > 0) io.err(meta.join(" "));
        if (flags.extra && Object.keys(result.extra).length > 0)
          io.err(JSON.stringify(result.extra, null, 2));
        if (result.trace) io.err(JSON.stringify(result.trace, null, 2));
      });
  }
}
