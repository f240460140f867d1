import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "@redocly/openapi-core";
import type { ISpectralDiagnostic } from "@stoplight/spectral-core";
import { githubActions, json, junit, sarif, stylish, text, type Formatter } from "@stoplight/spectral-formatters";
import { packageVersion } from "../core/cache.js";
import { count } from "../core/plural.js";
import { componentsOf, lintSource, loadLinter } from "../core/spectral.js";
import { parseSource, type SpectralSource } from "../core/spectral-source.js";
import { InputRejected, errorsIn } from "../core/problems.js";
import { SourceReader, UnreadableFile } from "../core/read.js";
import { projectFile, UsageError, type Command } from "./command.js";

const formatters: Record<string, Formatter> = { stylish, json, sarif, "github-actions": githubActions, junit, text };
/** Formats a program reads: the per-rule summary goes to stderr, so that stdout stays that format alone. */
const machineFormats = new Set(["json", "sarif", "junit"]);
const severities: Record<string, number> = { error: 0, warn: 1, info: 2, hint: 3 };

/** A spec file read within limits and parsed once, or a one-line `UsageError` saying why it cannot be linted. */
async function readSource(file: string, reader: SourceReader): Promise<SpectralSource> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${file}: no such file`);
  if (stat.isDirectory())
    throw new UsageError(
      `${file}: is a folder: lint takes OpenAPI files, such as ${path.join(file, "<api>", "openapi.yaml")}`,
    );
  let content: string;
  try {
    content = reader.read(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new UsageError(`${file}: ${error.reason}`);
    throw error;
  }
  const parsed = await parseSource(path.resolve(file), content);
  if ("why" in parsed) {
    const at = parsed.line === undefined ? "" : `:${parsed.line}:${parsed.column ?? 1}`;
    throw new UsageError(`${file}${at}: ${parsed.why}`);
  }
  return parsed;
}

/**
 * The results per rule, most first: rule id, errors, warnings (and info and hints when there are
 * some), then the totals. Empty when there are no results.
 */
export function ruleSummary(results: readonly Pick<ISpectralDiagnostic, "code" | "severity">[]): string[] {
  if (results.length === 0) return [];
  const counts = new Map<string, number[]>();
  for (const { code, severity } of results) {
    const row = counts.get(String(code)) ?? [0, 0, 0, 0];
    row[severity] = (row[severity] ?? 0) + 1;
    counts.set(String(code), row);
  }
  const total = (row: number[]) => row.reduce((a, b) => a + b, 0);
  const rows = [...counts].sort(
    ([ruleA, a], [ruleB, b]) => total(b) - total(a) || b[0]! - a[0]! || ruleA.localeCompare(ruleB),
  );
  const sums = [0, 1, 2, 3].map((i) => rows.reduce((sum, [, row]) => sum + row[i]!, 0));
  const columns = ["errors", "warnings", "info", "hints"].filter((_, i) => i < 2 || sums[i]! > 0);
  const table = [["rule", ...columns], ...rows.map(([rule, row]) => [rule, ...columns.map((_, i) => String(row[i]))])];
  table.push([`total (${rows.length} rule${rows.length === 1 ? "" : "s"})`, ...columns.map((_, i) => String(sums[i]))]);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)));
  return table.map((cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
  );
}

export const lintCommand: Command = {
  name: "lint",
  usage: `error-contracts lint <spec...> [--format <name>] [--fail-severity <level>] [--ruleset <file>]

  spec                    OpenAPI 3.x files (YAML or JSON); one with $refs to other files is bundled
                          first (local $refs only: a remote $ref is reported, never fetched)
  --format <name>         stylish (default), json, sarif, github-actions, junit, text
  --fail-severity <level> error (default), warn, info, hint: exit 1 when a result is at least this severe
  --ruleset <file>        Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)

After the findings, the results per rule, or a line saying there are none (on stderr with json, sarif and junit).
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
    const reader = new SourceReader();
    const sources: SpectralSource[] = [];
    for (const file of positionals) sources.push(await readSource(file, reader));
    const rulesetPath = values.ruleset ? path.resolve(values.ruleset) : projectFile(".spectral.yaml");
    const linter = await loadLinter(rulesetPath);
    const results: ISpectralDiagnostic[] = [];
    let config: Config | undefined;
    for (const [i, source] of sources.entries()) {
      if (!source.external) {
        results.push(...(await lintSource(linter, source)));
        continue;
      }
      // Redocly only for a file with $refs to others, seeded with the parse above.
      const { bundleApi, loadRedoclyConfig } = await import("../core/bundle.js");
      config ??= await loadRedoclyConfig(projectFile("redocly.yaml"));
      const root = source.file;
      const { api, problems } = await bundleApi({ id: path.basename(root), root }, config, reader, {
        text: source.text,
        parsed: source.data,
      });
      const file = positionals[i]!;
      if (!api) throw new InputRejected(errorsIn(problems), `lint stopped: {count} in ${file} before linting`, 2);
      const bundle = { doc: api.doc, components: componentsOf(api.files), read: (f: string) => reader.read(f) };
      results.push(...(await lintSource(linter, source, bundle)));
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
    const files = count(sources.length, "file", "files");
    const summary =
      ruleSummary(results).join("\n") ||
      `no results in ${files} (ruleset ${path.relative(process.cwd(), rulesetPath)})`;
    (machineFormats.has(values.format) ? io.err : io.out)(summary);
    return results.some((r) => r.severity <= failSeverity) ? 1 : 0;
  },
};
