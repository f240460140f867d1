import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build, type BuildOptions } from "../build/index.js";
import { projectFile, UsageError, type Command } from "./command.js";

/** The build of a spec folder (default `openapi/`) into `--out` (default `generated/` beside it). */
export function buildOptions(spec = "openapi", values: { out?: string; ruleset?: string } = {}): BuildOptions {
  if (!fs.existsSync(spec)) throw new UsageError(`${spec}: no such file or folder`);
  const specDir = fs.statSync(spec).isDirectory() ? path.resolve(spec) : path.dirname(path.dirname(path.resolve(spec)));
  return {
    spec,
    out: values.out ?? path.join(path.dirname(specDir), "generated"),
    ruleset: values.ruleset ? path.resolve(values.ruleset) : projectFile(".spectral.yaml"),
    redoclyConfig: projectFile("redocly.yaml"),
  };
}

export const buildCommand: Command = {
  name: "build",
  summary: "Lint, bundle and compile a spec folder into bundles, types, clients, the catalog and docs.",
  usage: `error-contracts build [spec] [--out <dir>] [--ruleset <file>] [--no-docs]

  spec              a folder of <api>/openapi.yaml roots and components/ (default: openapi/),
                    or one API root
  --out <dir>       where to write (default: generated/ beside the spec folder)
  --ruleset <file>  Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)
  --no-docs         skip the reference docs`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, ruleset: { type: "string" }, "no-docs": { type: "boolean" } },
    });
    if (positionals.length > 1) throw new UsageError("build takes one spec folder or API root");
    const options = buildOptions(positionals[0], values);
    const out = options.out;
    const started = performance.now();
    const result = await build({ ...options, docs: !values["no-docs"], log: (line) => console.log(line) });
    const codes = result.catalog.families.reduce((n, f) => n + f.errors.length, 0);
    console.log(`built ${result.apis.length} APIs, ${codes} error codes into ${path.relative(process.cwd(), out) || "."} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  },
};
