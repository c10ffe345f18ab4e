// parley files list|get|delete
import type { Command } from "commander";
import { addHostOptions, type HostFlags, hostContext, requireBot } from "../host/host-options.js";
import type { Io } from "../io.js";
import { parseFileRef } from "./file-ref.js";

export function registerFiles(program: Command, io: Io): void {
  const files = program
    .command("files")
    .description("list, print or delete a bot's files")
    .addHelpText(
      "after",
      "\nExamples:\n  $ parley files list --bot mybot\n  $ parley files get greetings.aiml --bot mybot\n  $ parley files delete colors.set --bot mybot",
    );
  addHostOptions(files.command("list").description("list the bot's files"))
    .addHelpText("after", "\nExample:\n  $ parley files list --bot mybot")
    .action(async (flags: HostFlags) => {
      const ctx = hostContext(flags, io.env, io.cwd);
      const bot = requireBot(ctx);
      const list = await ctx.client.listFiles(bot);
      const groups = [
        ["aiml", list.files],
        ["set", list.sets],
        ["map", list.maps],
        ["substitution", list.substitutions],
        ["properties", list.properties],
        ["pdefaults", list.pdefaults],
      ] as const;
      for (const [kind, entries] of groups) {
        for (const entry of entries) io.out(entry.name.includes(".") ? entry.name : `${entry.name}.${kind}`);
      }
    });
  addHostOptions(files.command("get <file>").description("print one file (e.g. greetings.aiml, colors.set)"))
    .addHelpText("after", "\nExample:\n  $ parley files get greetings.aiml --bot mybot > greetings.aiml")
    .action(async (file: string, flags: HostFlags) => {
      const ctx = hostContext(flags, io.env, io.cwd);
      const { kind, name } = parseFileRef(file);
      io.out(await ctx.client.getFile(requireBot(ctx), kind, name));
    });
  addHostOptions(files.command("delete <file>").description("delete one file"))
    .addHelpText("after", "\nExample:\n  $ parley files delete old.aiml --bot mybot")
    .action(async (file: string, flags: HostFlags) => {
      const ctx = hostContext(flags, io.env, io.cwd);
      const { kind, name } = parseFileRef(file);
      await ctx.client.deleteFile(requireBot(ctx), kind, name);
      io.out(`deleted ${file}`);
    });
}
