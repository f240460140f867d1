import { count } from "../../core/plural.js";
import type { CheckResult, CoverageRow, Finding } from "../model.js";
import { curlOf } from "../request.js";

const STATES: CoverageRow["state"][] = ["triggered-valid", "violated", "not-triggered", "observe-only"];

/** The coverage table: operation, status, code, state; then the count of each state. */
export function coverageTable(rows: CoverageRow[]): string[] {
  const width = (pick: (row: CoverageRow) => string, title: string) =>
    Math.max(title.length, ...rows.map((r) => pick(r).length));
  const op = width((r) => r.operation, "operation");
  const status = width((r) => r.status, "status");
  const code = width((r) => r.code ?? "—", "code");
  const line = (a: string, b: string, c: string, d: string) =>
    `  ${a.padEnd(op)}  ${b.padEnd(status)}  ${c.padEnd(code)}  ${d}`;
  const counts = STATES.map((state) => `${state} ${rows.filter((r) => r.state === state).length}`).join(", ");
  return [
    line("operation", "status", "code", "state"),
    ...rows.map((r) => line(r.operation, r.status, r.code ?? "—", r.state)),
    `  ${counts}`,
  ];
}

/** One finding in two lines: level, rule, operation, status and message; the curl line that reproduces it. */
export function formatFinding(f: Finding): string {
  const head = `${f.level.padEnd(8)} ${f.rule}  ${f.operation}  ${f.status || "no answer"}${f.code ? ` code ${f.code}` : ""}: ${f.message}`;
  return `${head}\n         ${curlOf(f.request)}`;
}

/** For people: a summary line, each finding with the `curl` line that reproduces it, then the coverage table. */
export function formatText(result: CheckResult, title: string): string {
  const errors = result.findings.filter((f) => f.level === "error").length;
  const warnings = result.findings.length - errors;
  const lines = [
    `check    ${title}: ${count(result.requests, "request", "requests")}, ${count(errors, "error", "errors")}, ${count(warnings, "warning", "warnings")}`,
  ];
  for (const f of result.findings) lines.push(formatFinding(f));
  lines.push("coverage", ...coverageTable(result.coverage));
  return lines.join("\n");
}
