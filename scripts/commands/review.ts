import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { toYaml } from "../core/yaml.js";
import type { ISpectralDiagnostic } from "@stoplight/spectral-core";
import { loadRedoclyConfig, type BundledApi } from "../core/bundle.js";
import { componentsOf, lintBundle, loadLinter, type Linter } from "../core/spectral.js";
import { applyConfig, loadDiffConfig } from "../diff/config.js";
import { formatMarkdown } from "../diff/format.js";
import { diffAgainstRef } from "../diff/index.js";
import { exitCodeFor } from "../diff/rules.js";
import { projectFile, UsageError, type Command } from "./command.js";
import { DIFF_CONFIG } from "./diff.js";

const severityNames = ["error", "warning", "info", "hint"];

async function lintApi(linter: Linter, api: BundledApi): Promise<ISpectralDiagnostic[]> {
  const text = toYaml(api.doc);
  return lintBundle(linter, text, api.root, api.root, componentsOf(api.files));
}

/** A result's identity across versions: rule, JSON path in the bundle and message, not its line. */
const identity = (r: ISpectralDiagnostic) => `${String(r.code)}|${r.path.join("\u0000")}|${r.message}`;

export const reviewCommand: Command = {
  name: "review",
  usage: `error-contracts review --base <git-ref> [spec] [--ruleset <file>] [--config <file>]

  --base <git-ref>   the version under review is compared with this one
  spec               the spec folder (default: openapi/)
  --ruleset <file>   Spectral ruleset (default: ./.spectral.yaml, else the toolkit's)
  --config <file>    diff levels and ignores (default: ./${DIFF_CONFIG} if present)

Lint findings already present at the base are left out, so a legacy spec can adopt the ruleset
without fixing everything first. Exit codes: 0 nothing breaking and no new lint error, 1 otherwise,
2 bad input.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { base: { type: "string" }, ruleset: { type: "string" }, config: { type: "string" } },
    });
    if (values.base === undefined) throw new UsageError("review needs --base <git-ref>");
    if (positionals.length > 1) throw new UsageError("review takes at most one spec folder");
    const configFile = values.config ?? (fs.existsSync(DIFF_CONFIG) ? DIFF_CONFIG : undefined);
    const config = loadDiffConfig(configFile);
    const [redocly, linter] = await Promise.all([
      loadRedoclyConfig(projectFile("redocly.yaml")),
      loadLinter(values.ruleset ? path.resolve(values.ruleset) : projectFile(".spectral.yaml")),
    ]);
    const { diffs: raw, pairs, cleanup } = await diffAgainstRef(positionals[0] ?? "openapi", values.base, redocly);
    try {
      const diffs = raw.map((d) => ({ ...d, findings: applyConfig(d.findings, config) }));
      const introduced: { api: string; result: ISpectralDiagnostic }[] = [];
      for (const { base, head } of pairs) {
        const before = new Set((await lintApi(linter, base)).map(identity));
        for (const result of await lintApi(linter, head))
          if (result.severity <= 1 && !before.has(identity(result))) introduced.push({ api: head.id, result });
      }
      const lines = [
        formatMarkdown(diffs, `Error-contract changes since ${values.base}`),
        "",
        `### Lint findings introduced since ${values.base}`,
        "",
      ];
      if (introduced.length === 0) lines.push("None: the change adds no lint finding.");
      else {
        lines.push(
          `**${introduced.length}** new finding(s).`,
          "",
          "| API | Severity | Rule | Where | Message |",
          "|---|---|---|---|---|",
        );
        for (const { api, result } of introduced) {
          const where = `${path.relative(process.cwd(), result.source ?? "")}:${result.range.start.line + 1}`;
          lines.push(
            `| ${api} | ${severityNames[result.severity]} | \`${String(result.code)}\` | ${where} | ${result.message.replace(/\|/g, "\\|")} |`,
          );
        }
      }
      io.out(lines.join("\n"));
      const breaking = exitCodeFor(
        diffs.flatMap((d) => d.findings),
        "breaking",
      );
      return breaking || introduced.some(({ result }) => result.severity === 0) ? 1 : 0;
    } finally {
      cleanup();
    }
  },
};
