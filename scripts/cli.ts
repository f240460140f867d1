import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "./build/index.js";
import { BuildFailed, formatProblem } from "./build/problems.js";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const usage = `Usage: error-contracts <command> [options]

Commands:
  build [spec]     Lint, bundle and compile a spec folder (default: openapi/) into
                   bundles, types, clients, the error catalog and reference docs.
      --out <dir>      where to write (default: generated/ beside the spec folder)
      --ruleset <file> Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)
      --no-docs        skip the reference docs
  help             Show this text.

Exit codes: 0 success, 1 problems in the input (one line each: file:line:column), 2 usage or tool failure.`;

/** A file of the project in the working directory, else the toolkit's own. */
function projectFile(name: string): string {
  const local = path.resolve(name);
  return fs.existsSync(local) ? local : path.join(packageRoot, name);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (command !== "build") {
    console.error(`error-contracts: unknown command "${command}". Run "error-contracts help".`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { out: { type: "string" }, ruleset: { type: "string" }, "no-docs": { type: "boolean" } },
  });
  if (positionals.length > 1) throw new UsageError("build takes one spec folder or API root");
  const spec = positionals[0] ?? "openapi";
  if (!fs.existsSync(spec)) throw new UsageError(`${spec}: no such file or folder`);
  const specDir = fs.statSync(spec).isDirectory() ? path.resolve(spec) : path.dirname(path.dirname(path.resolve(spec)));
  const out = values.out ?? path.join(path.dirname(specDir), "generated");
  const started = performance.now();
  const result = await build({
    spec,
    out,
    ruleset: values.ruleset ?? projectFile(".spectral.yaml"),
    redoclyConfig: projectFile("redocly.yaml"),
    docs: !values["no-docs"],
    log: (line) => console.log(line),
  });
  const codes = result.catalog.families.reduce((n, f) => n + f.errors.length, 0);
  console.log(`built ${result.apis.length} APIs, ${codes} error codes into ${path.relative(process.cwd(), out) || "."} in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BuildFailed) {
      for (const problem of error.problems) console.error(formatProblem(problem));
      console.error(`error-contracts: build failed: ${error.message}; ${"generated output left as it was"}`);
      process.exitCode = 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error-contracts: ${message.split("\n")[0]}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = 2;
  },
);
