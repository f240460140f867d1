import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ISpectralDiagnostic } from "@stoplight/spectral-core";
import { githubActions, json, junit, sarif, stylish, text, type Formatter } from "@stoplight/spectral-formatters";
import { toYaml } from "../core/yaml.js";
import { LineCounter, parseDocument } from "yaml";
import { bundleApi, loadRedoclyConfig } from "../core/bundle.js";
import { packageVersion } from "../core/cache.js";
import { componentsOf, lintBundle, loadLinter } from "../core/spectral.js";
import { InputRejected, errorsIn } from "../core/problems.js";
import { SourceReader, UnreadableFile } from "../core/read.js";
import { rootProblem } from "../core/root.js";
import { projectFile, UsageError, type Command } from "./command.js";

const formatters: Record<string, Formatter> = { stylish, json, sarif, "github-actions": githubActions, junit, text };
const severities: Record<string, number> = { error: 0, warn: 1, info: 2, hint: 3 };

/** Why a file cannot be linted at all, in one line; undefined when it looks like OpenAPI 3.x. */
function unreadable(file: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return `${file}: no such file`;
  if (stat.isDirectory())
    return `${file}: is a folder: lint takes OpenAPI files, such as ${path.join(file, "<api>", "openapi.yaml")}`;
  let content: string;
  try {
    content = new SourceReader().read(file);
  } catch (error) {
    if (error instanceof UnreadableFile) return `${file}: ${error.reason}`;
    throw error;
  }
  if (content.trim() === "") return `${file}: ${rootProblem(undefined, content)}`;
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, uniqueKeys: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    return `${file}:${line}:${col}: not valid YAML or JSON: ${(syntax.message.split("\n")[0] ?? "").replace(/:$/, "")}`;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return `${file}: YAML aliases expand it too far (an alias bomb?)`;
  }
  const why = rootProblem(value, content);
  return why && `${file}: ${why}`;
}

export const lintCommand: Command = {
  name: "lint",
  usage: `error-contracts lint <spec...> [--format <name>] [--fail-severity <level>] [--ruleset <file>]

  spec                    OpenAPI 3.x files (YAML or JSON), each bundled first (local $refs only:
                          a remote $ref is reported, never fetched)
  --format <name>         stylish (default), json, sarif, github-actions, junit, text
  --fail-severity <level> error (default), warn, info, hint: exit 1 when a result is at least this severe
  --ruleset <file>        Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)

Exit codes: 0 no result at the fail severity, 1 some, 2 a file that cannot be linted (one line why).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "stylish" },
        "fail-severity": { type: "string", default: "error" },
        ruleset: { type: "string" },
      },
    });
    const format = formatters[values.format];
    if (!format) throw new UsageError(`--format ${values.format}: use one of ${Object.keys(formatters).join(", ")}`);
    const failSeverity = severities[values["fail-severity"]];
    if (failSeverity === undefined)
      throw new UsageError(
        `--fail-severity ${values["fail-severity"]}: use one of ${Object.keys(severities).join(", ")}`,
      );
    if (positionals.length === 0) throw new UsageError("lint takes one or more OpenAPI files");
    for (const file of positionals) {
      const why = unreadable(file);
      if (why) throw new UsageError(why);
    }
    const rulesetPath = values.ruleset ? path.resolve(values.ruleset) : projectFile(".spectral.yaml");
    const [linter, config] = await Promise.all([
      loadLinter(rulesetPath),
      loadRedoclyConfig(projectFile("redocly.yaml")),
    ]);
    const results: ISpectralDiagnostic[] = [];
    for (const file of positionals) {
      const root = path.resolve(file);
      const { api, problems } = await bundleApi({ id: path.basename(file), root }, config);
      if (!api) throw new InputRejected(errorsIn(problems), `lint stopped: {count} in ${file} before linting`, 2);
      const bundleText = toYaml(api.doc);
      results.push(...(await lintBundle(linter, bundleText, root, root, componentsOf(api.files))));
    }
    const cwd = process.cwd();
    const shown = results.map((r) => ({
      ...r,
      source: r.source && path.isAbsolute(r.source) ? path.relative(cwd, r.source) : r.source,
    }));
    const output = format(
      shown,
      { failSeverity },
      { ruleset: linter.ruleset!, spectralVersion: packageVersion("@stoplight/spectral-cli") },
    );
    if (output) io.out(output);
    return results.some((r) => r.severity <= failSeverity) ? 1 : 0;
  },
};
