#!/usr/bin/env node
import { processIo } from "./io.js";
import { runCli } from "./program.js";

const code = await runCli(process.argv.slice(2), processIo);
// Long-running commands (start, server, chat) resolve only when they are done; exit explicitly so
// a stray handle never keeps a finished command alive.
process.exit(code);
