import { buildCommand } from "./build.js";
import type { Command } from "./command.js";
import { serveCommand } from "./serve.js";

/** Every subcommand, in the order `error-contracts help` lists them. */
export const commands: Command[] = [buildCommand, serveCommand];
