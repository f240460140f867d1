import { SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import { sarifLog } from "../core/sarif.js";
import { diffRules, levelRank, type Finding, type Level, type RuleId } from "./rules.js";

export interface ApiDiff {
  api: string;
  findings: Finding[];
}

const levels: Level[] = ["breaking", "warning", "info"];
const sorted = (findings: Finding[]) =>
  [...findings].sort(
    (a, b) =>
      levelRank[b.level] - levelRank[a.level] || a.location.localeCompare(b.location) || a.rule.localeCompare(b.rule),
  );

function counts(findings: Finding[]): string {
  return levels.map((level) => `${findings.filter((f) => f.level === level).length} ${level}`).join(", ");
}

export function formatText(diffs: ApiDiff[]): string {
  const lines: string[] = [];
  for (const { api, findings } of diffs) {
    lines.push(`${api}: ${findings.length === 0 ? "no changes to the error contract" : counts(findings)}`);
    for (const f of sorted(findings))
      lines.push(
        `  ${f.level.padEnd(8)} ${f.rule.padEnd(28)} ${f.location}: ${f.message}${f.head ? `  ${at(f)}` : ""}`,
      );
  }
  return lines.join("\n");
}

/** `openapi/messaging/openapi.yaml:42`: where the head version says it. */
const at = (f: Finding) => (f.head ? `${f.head.file}:${f.head.line}` : "");

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Ready to paste into a review comment: a summary line, then one table per level. */
export function formatMarkdown(diffs: ApiDiff[], title = "Error-contract changes"): string {
  const all = diffs.flatMap((d) => d.findings);
  const lines = [
    `### ${title}`,
    "",
    all.length === 0
      ? "No changes to the error contracts."
      : `**${counts(all)}** across ${diffs.filter((d) => d.findings.length).length} API(s).`,
  ];
  for (const level of levels) {
    const rows = diffs.flatMap(({ api, findings }) =>
      sorted(findings.filter((f) => f.level === level)).map((f) => ({ api, f })),
    );
    if (rows.length === 0) continue;
    lines.push(
      "",
      `#### ${level[0]!.toUpperCase()}${level.slice(1)} (${rows.length})`,
      "",
      "| API | Rule | Where | File | Change |",
      "|---|---|---|---|---|",
    );
    for (const { api, f } of rows)
      lines.push(`| ${cell(api)} | \`${f.rule}\` | ${cell(f.location)} | ${cell(at(f))} | ${cell(f.message)} |`);
  }
  return lines.join("\n");
}

/** Each finding with its `base` and `head` places (`{ file, line, pointer }`). */
export function formatJson(diffs: ApiDiff[]): string {
  const out = (f: Finding) => ({
    rule: f.rule,
    level: f.level,
    location: f.location,
    message: f.message,
    base: f.base,
    head: f.head,
  });
  return JSON.stringify(
    { apis: diffs.map(({ api, findings }) => ({ api, findings: sorted(findings).map(out) })) },
    null,
    2,
  );
}

const annotation: Record<Level, string> = { breaking: "error", warning: "warning", info: "notice" };
/** A workflow command's data and property values, escaped as the runner reads them. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions annotations on the head file's line: `::error file=…,line=…,title=<rule>::<location>: <message>`. */
export function formatGithubActions(diffs: ApiDiff[]): string {
  return diffs
    .flatMap(({ api, findings }) =>
      sorted(findings).map((f) => {
        const place = f.head ? `file=${escapeProperty(f.head.file)},line=${f.head.line},` : "";
        return `::${annotation[f.level]} ${place}title=${escapeProperty(`${f.rule} (${api})`)}::${escapeData(`${f.location}: ${f.message}`)}`;
      }),
    )
    .join("\n");
}

const sarifLevel: Record<Level, "error" | "warning" | "note"> = { breaking: "error", warning: "warning", info: "note" };

/** SARIF 2.1.0, one run, the diff rules as its rules and each finding at the head file's line. */
export function formatSarif(diffs: ApiDiff[], toolVersion: string): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: "error-contracts diff",
    toolDriverVersion: toolVersion,
    url: "https://github.com/error-contracts/error-contracts/blob/main/docs/diff-rules.md",
  });
  for (const [id, rule] of Object.entries(diffRules))
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: id, shortDescriptionText: rule.summary }));
  for (const { api, findings } of diffs)
    for (const f of sorted(findings))
      run.addResult(
        new SarifResultBuilder().initSimple({
          level: sarifLevel[f.level],
          messageText: `${api}: ${f.location}: ${f.message}`,
          ruleId: f.rule satisfies RuleId,
          ...(f.head && { fileUri: f.head.file.split("\\").join("/"), startLine: f.head.line }),
        }),
      );
  return sarifLog(run);
}
