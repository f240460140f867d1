import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BuildOptions } from "../build/index.js";
import { count } from "../core/plural.js";
import { InputRejected, printFailure } from "../core/problems.js";
import { daemonWanted } from "../daemon/where.js";
import { projectFile, UsageError, type Command, type Io } from "./command.js";

// The build's modules (YAML, the steps, the watcher) are imported where they are used, not above: a build through
// the daemon loads none of them (they took 0.1 s of a 0.35 s no-op build).
const specFolderOf = async (spec: string) => (await import("../core/sources.js")).specFolderOf(spec);

async function buildOnce(options: BuildOptions, io: Io): Promise<void> {
  const started = performance.now();
  const { build } = await import("../build/index.js");
  const result = await build(options);
  if (result.upToDate) return;
  const codes = result.catalog?.families.reduce((n, f) => n + f.errors.length, 0) ?? 0;
  const out = path.relative(process.cwd(), options.out) || ".";
  const statuses = result.errorStatuses ?? 0;
  io.out(
    `built ${result.rebuilt.length} of ${count(result.apis.length, "API", "APIs")}, ${count(codes, "error code", "error codes")}, ${count(statuses, "error status", "error statuses")} into ${out} in ${Math.round(performance.now() - started)} ms`,
  );
}

/** A build whose bad input is printed, not thrown (the watch goes on). */
async function buildReporting(options: BuildOptions, io: Io): Promise<void> {
  try {
    await buildOnce(options, io);
  } catch (error) {
    if (!(error instanceof InputRejected)) throw error;
    printFailure(error, io.err);
  }
}

/**
 * Builds, then rebuilds on every save under the spec folder; prints what changed, then the build's
 * own lines. The watch starts before the first build, so a save made while it runs is built next.
 * The docs' rendering process is kept from one build to the next (`keepDocsRenderer`).
 */
async function watch(specDir: string, given: BuildOptions, io: Io): Promise<number> {
  const [{ keepDocsRenderer }, { watchTree }] = await Promise.all([
    import("../docs/index.js"),
    import("../core/watch.js"),
  ]);
  const options = { ...given, keptDocs: keepDocsRenderer() };
  const folder = path.basename(specDir);
  let first: Promise<void> = new Promise(() => {});
  const watcher = watchTree(specDir, {
    debounceMs: 150,
    onChange: async (files) => {
      await first;
      io.out(`changed: ${files.map((file) => `${folder}/${file}`).join(", ")}`);
      await buildReporting({ ...options, force: false }, io);
    },
    onError: (error) => io.err(`error-contracts: ${error instanceof Error ? error.message : String(error)}`),
  });
  await watcher.ready;
  first = buildReporting(options, io);
  await first;
  io.out(`watching ${path.relative(process.cwd(), specDir) || "."} for changes (Ctrl-C stops)`);
  return new Promise(() => {});
}

/** The build of a spec folder (default `openapi/`) into `--out` (default `generated/` beside it). */
export async function buildOptions(
  spec = "openapi",
  values: { out?: string; ruleset?: string } = {},
): Promise<BuildOptions> {
  if (!fs.existsSync(spec)) throw new UsageError(`${spec}: no such file or folder`);
  const specDir = await specFolderOf(spec);
  if (values.out === undefined && fs.existsSync(path.join(specDir, "package.json")))
    throw new UsageError(
      `${spec}: the build writes generated/ beside the spec's folder, which here is a project (package.json), so outside it: put the spec in a folder of its own, such as spec/`,
    );
  return {
    spec,
    out: path.resolve(values.out ?? path.join(path.dirname(specDir), "generated")),
    ruleset: values.ruleset ? path.resolve(values.ruleset) : projectFile(".spectral.yaml"),
    redoclyConfig: projectFile("redocly.yaml"),
  };
}

const buildArguments = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      ruleset: { type: "string" },
      "no-docs": { type: "boolean" },
      force: { type: "boolean" },
      watch: { type: "boolean" },
      "no-daemon": { type: "boolean" },
    },
  });

/**
 * `build`'s command line run in this process; `extra`, from the build daemon: what it keeps between its builds
 * (the rendering process), and for its warm-up build, a cache folder of its own.
 */
export async function runBuild(
  args: string[],
  io: Io,
  extra: Pick<BuildOptions, "keptDocs" | "cacheDir"> = {},
): Promise<number> {
  const { values, positionals } = buildArguments(args);
  if (positionals.length > 1) throw new UsageError("build takes one spec folder or API root");
  const spec = positionals[0] ?? "openapi";
  const specDir = await specFolderOf(spec);
  const options: BuildOptions = {
    ...(await buildOptions(spec, values)),
    docs: !values["no-docs"],
    force: values.force === true,
    log: (line) => io.out(line),
    ...extra,
  };
  if (!values.watch) {
    await buildOnce(options, io);
    return 0;
  }
  return watch(specDir, options, io);
}

export const buildCommand: Command = {
  name: "build",
  usage: `error-contracts build [spec] [--out <dir>] [--ruleset <file>] [--no-docs] [--force] [--watch] [--no-daemon]

  spec              a folder of <api>/openapi.yaml roots and components/ (default: openapi/),
                    or one API root; YAML or JSON (openapi.yaml, openapi.yml, openapi.json)
  --out <dir>       where to write (default: generated/ beside the spec folder)
  --ruleset <file>  Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)
  --no-docs         skip the reference docs (the output then has none: a previous build's go with it)
  --force           rebuild every API, whatever the cache says
  --watch           build, then rebuild on every save under the spec folder
  --no-daemon       build in this process, not in the build daemon

The cache (node_modules/.cache/error-contracts) holds content hashes: with nothing changed a
build only hashes and prints "up to date"; a changed API is rebuilt with what reads it, the
others are taken from the previous output. New tool versions or configs invalidate it.

The build daemon keeps the tools loaded between builds (a changed API builds in about a third of
the time): the first build starts it, later builds run in it, and it ends after 10 minutes with
nothing to do. Not in CI (the CI variable set), nor with ERROR_CONTRACTS_DAEMON=off; see
"error-contracts daemon".`,
  async run(args, io) {
    const { values } = buildArguments(args);
    const daemon =
      !values.watch && daemonWanted(values["no-daemon"] === true) ? await import("../daemon/client.js") : undefined;
    const code = await daemon?.buildThroughDaemon(args, io);
    if (code !== undefined) return code;
    try {
      return await runBuild(args, io);
    } finally {
      // For the next build: started after this one, so that it does not take the cores this one uses.
      daemon?.startDaemon();
    }
  },
};
