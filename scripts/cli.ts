import { BuildFailed, printFailure } from "./build/problems.js";
import { UsageError } from "./commands/command.js";
import { commands } from "./commands/index.js";
import { endQuietlyOnClosedOutput } from "./core/lifetime.js";

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

async function main([name, ...args]: string[]): Promise<number> {
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const entry = commands.find((c) => c.name === args[0]);
    console.log(entry ? (await entry.load()).usage : help());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new UsageError(`unknown command "${name}". Run "error-contracts help".`);
  const command = await entry.load();
  if (args.includes("--help") || args.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  return command.run(args);
}

endQuietlyOnClosedOutput();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BuildFailed) {
      printFailure(error);
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error-contracts: ${message.split("\n")[0]}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = 2;
  },
);
