import { count } from "../../core/plural.js";
import type { CheckResult, CoverageRow } from "../model.js";
import { curlOf } from "../request.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const STATES: CoverageRow["state"][] = ["triggered-valid", "violated", "not-triggered", "observe-only"];

/** Markdown for a pull request comment: a summary, the findings (each with its curl line, folded), the coverage counts. */
export function formatMarkdown(result: CheckResult, title: string): string {
  const errors = result.findings.filter((f) => f.level === "error").length;
  const warnings = result.findings.length - errors;
  const lines = [
    `### error-contracts check: ${cell(title)}`,
    "",
    `${count(result.requests, "request", "requests")}, **${count(errors, "error", "errors")}**, ${count(warnings, "warning", "warnings")}.`,
    "",
  ];
  if (result.findings.length > 0) {
    lines.push("| level | rule | operation | status | code | message |", "|---|---|---|---|---|---|");
    for (const f of result.findings)
      lines.push(
        `| ${f.level} | \`${f.rule}\` | \`${cell(f.operation)}\` | ${f.status} | ${f.code ?? ""} | ${cell(f.message)} |`,
      );
    lines.push("", "<details><summary>Reproduce</summary>", "", "```sh");
    for (const f of result.findings) lines.push(`# ${f.rule} ${f.operation} ${f.status}`, curlOf(f.request));
    lines.push("```", "", "</details>", "");
  }
  lines.push(
    `Coverage: ${STATES.map((s) => `${s} ${result.coverage.filter((r) => r.state === s).length}`).join(", ")}.`,
    "",
    "<details><summary>Coverage</summary>",
    "",
    "| operation | status | code | state |",
    "|---|---|---|---|",
    ...result.coverage.map((r) => `| \`${cell(r.operation)}\` | ${r.status} | ${r.code ?? "—"} | ${r.state} |`),
    "",
    "</details>",
  );
  return lines.join("\n");
}
