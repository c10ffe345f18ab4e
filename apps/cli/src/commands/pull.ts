// parley pull DIR: download every file of the bot into DIR.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FileKind } from "@parley/pandorabots";
import type { Command } from "commander";
import { addHostOptions, type HostFlags, hostContext, requireBot } from "../host/host-options.js";
import type { Io } from "../io.js";

export function registerPull(program: Command, io: Io): void {
  addHostOptions(program.command("pull <dir>").description("download every file of the bot into DIR"))
    .addHelpText("after", "\nExample:\n  $ parley pull ./backup --bot mybot")
    .action(async (dir: string, flags: HostFlags) => {
      const ctx = hostContext(flags, io.env, io.cwd);
      const bot = requireBot(ctx);
      const root = resolve(io.cwd, dir);
      mkdirSync(root, { recursive: true });
      const list = await ctx.client.listFiles(bot);
      const wanted: Array<[FileKind, string | undefined, string]> = [
        ...list.files.map(
          (f) => ["aiml", stripExt(f.name, "aiml"), `${stripExt(f.name, "aiml")}.aiml`] as const,
        ),
        ...list.sets.map((f) => ["set", stripExt(f.name, "set"), `${stripExt(f.name, "set")}.set`] as const),
        ...list.maps.map((f) => ["map", stripExt(f.name, "map"), `${stripExt(f.name, "map")}.map`] as const),
        ...list.substitutions.map(
          (f) =>
            [
              "substitution",
              stripExt(f.name, "substitution"),
              `${stripExt(f.name, "substitution")}.substitution`,
            ] as const,
        ),
        ...(list.properties.length > 0 ? [["properties", undefined, `${bot}.properties`] as const] : []),
        ...(list.pdefaults.length > 0 ? [["pdefaults", undefined, `${bot}.pdefaults`] as const] : []),
      ] as Array<[FileKind, string | undefined, string]>;
      for (const [kind, name, fileName] of wanted) {
        writeFileSync(join(root, fileName), await ctx.client.getFile(bot, kind, name));
        io.out(`downloaded ${fileName}`);
      }
      io.out(`${wanted.length} files in ${dir}`);
    });
}

function stripExt(name: string, ext: string): string {
  return name.endsWith(`.${ext}`) ? name.slice(0, -(ext.length + 1)) : name;
}
