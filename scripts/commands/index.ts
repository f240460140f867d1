import { buildCommand } from "./build.js";
import type { Command } from "./command.js";
import { lintCommand } from "./lint.js";

/** Every subcommand, in the order `error-contracts help` lists them. */
export const commands: Command[] = [buildCommand, lintCommand];
