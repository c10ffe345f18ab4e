// parley bots list|create|delete
import type { Command } from "commander";
import { addHostOptions, type HostFlags, hostContext } from "../host/host-options.js";
import type { Io } from "../io.js";

export function registerBots(program: Command, io: Io): void {
  const bots = program
    .command("bots")
    .description("list, create or delete the app's bots")
    .addHelpText(
      "after",
      "\nExamples:\n  $ parley bots list\n  $ parley bots create mybot\n  $ parley bots delete mybot",
    );
  addHostOptions(bots.command("list").description("list the app's bots"))
    .addHelpText(
      "after",
      "\nExample:\n  $ parley bots list --host http://127.0.0.1:8011 --app-id parley --user-key KEY",
    )
    .action(async (flags: HostFlags) => {
      const { client } = hostContext(flags, io.env, io.cwd);
      for (const bot of await client.listBots()) io.out(bot.botname);
    });
  addHostOptions(bots.command("create <name>").description("create a bot"))
    .addHelpText("after", "\nExample:\n  $ parley bots create mybot")
    .action(async (name: string, flags: HostFlags) => {
      await hostContext(flags, io.env, io.cwd).client.createBot(name);
      io.out(`created bot ${name}`);
    });
  addHostOptions(bots.command("delete <name>").description("delete a bot and all its files"))
    .addHelpText("after", "\nExample:\n  $ parley bots delete mybot")
    .action(async (name: string, flags: HostFlags) => {
      await hostContext(flags, io.env, io.cwd).client.deleteBot(name);
      io.out(`deleted bot ${name}`);
    });
}
