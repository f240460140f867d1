import { consoleIo, reportingFailures, UsageError, type Io } from "./commands/command.js";
import { commands } from "./commands/index.js";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "Usage: error-contracts <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${"help".padEnd(width)}Show this text, or a command's: error-contracts help <command>.`,
    "",
    "Exit codes: 0 success, 1 problems found in the input (one line each), 2 usage or tool failure.",
  ].join("\n");
}

async function dispatch([name, ...args]: string[], io: Io): Promise<number> {
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const entry = commands.find((c) => c.name === args[0]);
    io.out(entry ? (await entry.load()).usage : help());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new UsageError(`unknown command "${name}". Run "error-contracts help".`);
  const command = await entry.load();
  if (args.includes("--help") || args.includes("-h")) {
    io.out(command.usage);
    return 0;
  }
  return command.run(args, io);
}

/**
 * Runs one `error-contracts` command line, printing through `io`, and resolves to its exit code:
 * bad input is its problem lines and a verdict (1, or the error's own code), anything else one
 * line (2). The process entry (`cli.ts`) and the in-process command tests both go through here.
 */
export function runCommandLine(argv: string[], io: Io = consoleIo): Promise<number> {
  return reportingFailures(() => dispatch(argv, io), io, argv);
}
