import { levelRank, type Finding, type Level } from "./rules.js";

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
      lines.push(`  ${f.level.padEnd(8)} ${f.rule.padEnd(28)} ${f.location}: ${f.message}`);
  }
  return lines.join("\n");
}

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
      "| API | Rule | Where | Change |",
      "|---|---|---|---|",
    );
    for (const { api, f } of rows)
      lines.push(`| ${cell(api)} | \`${f.rule}\` | ${cell(f.location)} | ${cell(f.message)} |`);
  }
  return lines.join("\n");
}

export function formatJson(diffs: ApiDiff[]): string {
  return JSON.stringify({ apis: diffs.map(({ api, findings }) => ({ api, findings: sorted(findings) })) }, null, 2);
}
