import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { InputRejected, printFailure } from "../core/problems.js";

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

/** `run`'s exit code; a failure printed: bad input as its problem lines (1, or the error's own code), anything else
 * as one line (2). Every command line (`argv`: the command's name, then its arguments) goes through it, in this
 * process or in the build daemon. */
export async function reportingFailures(run: () => Promise<number>, io: Io, argv: string[] = []): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputRejected) {
      printFailure(error, io.err);
      return error.exitCode;
    }
    const message = optionMistake(error, argv) ?? (error instanceof Error ? error.message : String(error));
    io.err(`error-contracts: ${message.split("\n")[0]}`);
    if (process.env.DEBUG && error instanceof Error) io.err(error.stack ?? "");
    return 2;
  }
}

/** What node:util's parseArgs found wrong in `argv`, said as what to do (its own words name no command). */
function optionMistake(error: unknown, [command, ...args]: string[]): string | undefined {
  const option = error instanceof Error ? /^Option '(-[^']+)'|^Unknown option '(-[^']+)'/.exec(error.message) : null;
  const name = option?.[1] ?? option?.[2];
  const code = (error as { code?: unknown }).code;
  if (name && code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `${name}: no such option of ${command} (error-contracts ${command} --help lists them)`;
  }
  const at = args.findIndex((arg, i) => arg === name && args[i + 1]?.startsWith("-"));
  if (name && code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && at >= 0) {
    const value = args[at + 1]!;
    // `--out --force`: the value forgotten, more often than a value that starts with "-".
    if (value.startsWith("--"))
      return `${name} needs a value (${value} is an option; a value like it is written ${name}=${value})`;
    return `${name} ${value}: a value that starts with "-" is written ${name}=${value}`;
  }
  return undefined;
}

/** The toolkit's own folder (where its package.json is). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The toolkit's version, as its package.json says (SARIF's and HAR's tool version). */
export const toolVersion = () =>
  (JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

/** A file of the project in the working directory, else the toolkit's own. */
export function projectFile(name: string): string {
  const local = path.resolve(name);
  return fs.existsSync(local) ? local : path.join(packageRoot, name);
}

/** The bundled APIs in a generated/ folder. */
export function bundledApis(generated: string): string[] {
  if (!fs.existsSync(generated)) return [];
  return fs
    .readdirSync(generated, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(generated, entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
}

/** The bundle a command's one `<api>` argument names: an API of generated/ (`messaging`), or a bundled `.yaml`/`.json` file. */
export function bundleArgument(positionals: string[], command: string): string {
  const generated = projectFile("generated");
  const apis = bundledApis(generated);
  if (positionals.length !== 1)
    throw new UsageError(`${command} takes one API: ${apis.join(", ") || "none built yet (run npm run build)"}`);
  const api = positionals[0]!;
  const file = api.endsWith(".yaml") || api.endsWith(".json");
  const spec = file ? path.resolve(api) : path.join(generated, api, "openapi.yaml");
  if (!fs.existsSync(spec)) {
    const known = fs.existsSync(path.resolve("generated"))
      ? `one of ${apis.join(", ") || "none (run npm run build)"}`
      : `no generated/ here (run from the project's folder, after its build); the toolkit's own examples are ${apis.join(", ")}`;
    throw new UsageError(file ? `${api}: no such file` : `unknown API "${api}": ${known}`);
  }
  return spec;
}
