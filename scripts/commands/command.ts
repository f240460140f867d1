import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One subcommand of `error-contracts`: a file in scripts/commands/, listed in scripts/commands/index.ts. */
export interface Command {
  name: string;
  /** The command's own usage text: arguments and options. */
  usage: string;
  /** Runs the command, printing through `io`; resolves to the exit code. Throws `UsageError` for bad arguments. */
  run(args: string[], io: Io): Promise<number>;
}

/** Where a command prints: one call per line (or block of lines), as console.log and console.error print. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own stdout and stderr. */
export const consoleIo: Io = { out: (text) => console.log(text), err: (text) => console.error(text) };

/** Bad arguments: printed as one line, exit 2. */
export class UsageError extends Error {}

/** The toolkit's own folder (where its package.json is). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A file of the project in the working directory, else the toolkit's own. */
export function projectFile(name: string): string {
  const local = path.resolve(name);
  return fs.existsSync(local) ? local : path.join(packageRoot, name);
}
