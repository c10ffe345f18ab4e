// parley push DIR: upload every bot file of a folder by extension, then compile.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileKindFromFileName, isNamedKind } from "@parley/pandorabots";
import type { Command } from "commander";
import { CliFailure, UsageError } from "../errors.js";
import { addHostOptions, type HostFlags, hostContext, requireBot } from "../host/host-options.js";
import type { Io } from "../io.js";
import { compileBot } from "./compile.js";

/** Bot files under `dir` (subfolders included, as bots are often laid out in aiml/, sets/, maps/). */
function botFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...botFiles(path));
    else if (entry.isFile() && fileKindFromFileName(entry.name)) found.push(path);
  }
  return found.sort();
}

export function registerPush(program: Command, io: Io): void {
  addHostOptions(
    program
      .command("push <dir>")
      .description(
        "upload every bot file in DIR (.aiml .set .map .substitution .properties .pdefaults), then compile",
      )
      .option("--no-compile", "upload only"),
  )
    .addHelpText("after", "\nExample:\n  $ parley push ./mybot --bot mybot")
    .action(async (dir: string, flags: HostFlags & { compile: boolean }) => {
      const root = resolve(io.cwd, dir);
      if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
        throw new UsageError(`${dir} is not a folder`);
      const ctx = hostContext(flags, io.env, io.cwd);
      const bot = requireBot(ctx);
      const files = botFiles(root);
      if (files.length === 0) throw new CliFailure(`no bot files in ${dir}`);
      let failed = 0;
      for (const path of files) {
        const ref = fileKindFromFileName(path.slice(path.lastIndexOf("/") + 1));
        if (!ref) continue;
        const shown = relative(io.cwd, path);
        try {
          const name = isNamedKind(ref.kind) ? ref.name : undefined;
          await ctx.client.uploadFile(bot, ref.kind, name, readFileSync(path, "utf8"));
          io.out(`uploaded ${shown}`);
        } catch (error) {
          failed++;
          io.err(`failed   ${shown}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failed > 0) throw new CliFailure(`${failed} of ${files.length} files failed to upload`);
      if (flags.compile) await compileBot(ctx.client, bot, io);
    });
}
