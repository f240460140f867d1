import { buildCommand } from "./build.js";
import type { Command } from "./command.js";
import { mockCommand } from "./mock.js";

/** Every subcommand, in the order `error-contracts help` lists them. */
export const commands: Command[] = [buildCommand, mockCommand];
