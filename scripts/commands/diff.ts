import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadRedoclyConfig } from "../core/bundle.js";
import { applyConfig, loadDiffConfig } from "../diff/config.js";
import {
  type ApiDiff,
  formatGithubActions,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
} from "../diff/format.js";
import { diffAgainstRef, diffFiles } from "../diff/index.js";
import { exitCodeFor, levelRank, type Level } from "../diff/rules.js";
import { projectFile, toolVersion, UsageError, type Command } from "./command.js";

const formats = {
  text: formatText,
  markdown: (d: ApiDiff[]) => formatMarkdown(d),
  json: formatJson,
  "github-actions": formatGithubActions,
  sarif: (d: ApiDiff[]) => formatSarif(d, toolVersion()),
};
export const DIFF_CONFIG = "error-contracts.diff.yaml";

export const diffCommand: Command = {
  name: "diff",
  usage: `error-contracts diff <base> <head> [options]
error-contracts diff --base <git-ref> [spec] [options]

  <base> <head>       two OpenAPI files of the same API
  --base <git-ref>    compare each API of spec (default: openapi/) with itself at that ref
  --format <name>     text (default), markdown, json (each finding's base and head file, line
                      and pointer), github-actions, sarif (annotations at the head file's line)
  --fail-on <level>   breaking (default), warning, info: exit 1 when a finding is at least this level
  --config <file>     levels and ignores (default: ./${DIFF_CONFIG} if present)

Exit codes: 0 nothing at the fail-on level, 1 findings at it, 2 bad input (one line why).
Rules and levels: docs/diff-rules.md.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        base: { type: "string" },
        format: { type: "string", default: "text" },
        "fail-on": { type: "string", default: "breaking" },
        config: { type: "string" },
      },
    });
    const format = Object.hasOwn(formats, values.format!) ? formats[values.format as keyof typeof formats] : undefined;
    if (!format) throw new UsageError(`--format ${values.format}: use ${Object.keys(formats).join(", ")}`);
    const failOn = values["fail-on"] as Level;
    if (!(failOn in levelRank)) throw new UsageError(`--fail-on ${failOn}: use breaking, warning or info`);
    const configFile = values.config ?? (fs.existsSync(DIFF_CONFIG) ? DIFF_CONFIG : undefined);
    const config = loadDiffConfig(configFile);
    const redocly = await loadRedoclyConfig(projectFile("redocly.yaml"));
    let diffs: ApiDiff[];
    if (values.base !== undefined) {
      if (positionals.length > 1) throw new UsageError("with --base, give at most one spec folder");
      const result = await diffAgainstRef(positionals[0] ?? "openapi", values.base, redocly);
      result.cleanup();
      diffs = result.diffs;
    } else {
      if (positionals.length !== 2) throw new UsageError("diff takes two files (<base> <head>), or --base <git-ref>");
      diffs = [await diffFiles(positionals[0]!, positionals[1]!, redocly)];
    }
    diffs = diffs.map((d) => ({ ...d, findings: applyConfig(d.findings, config) }));
    io.out(format(diffs));
    return exitCodeFor(
      diffs.flatMap((d) => d.findings),
      failOn,
    );
  },
};
