import { buildCommand } from "./build.js";
import type { Command } from "./command.js";
import { diffCommand } from "./diff.js";
import { lintCommand } from "./lint.js";
import { reviewCommand } from "./review.js";
import { serveCommand } from "./serve.js";

/** Every subcommand, in the order `error-contracts help` lists them. */
export const commands: Command[] = [buildCommand, lintCommand, diffCommand, reviewCommand, serveCommand];
