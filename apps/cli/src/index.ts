export { type Io, processIo } from "./io.js";
export { buildProgram, runCli } from "./program.js";
export { type StartedParley, type StartOptions, startParley } from "./start/run-start.js";
