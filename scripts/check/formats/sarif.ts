import path from "node:path";
import { SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import { sarifLog } from "../../core/sarif.js";
import type { CheckResult } from "../model.js";
import { curlOf } from "../request.js";
import { ruleIds } from "../rules/index.js";

/** Where in a response each rule's finding points: its content, or its headers. */
const PART: Record<string, string[]> = {
  "content-type": ["content"],
  "body-schema": ["content"],
  "header-missing": ["headers"],
  "header-invalid": ["headers"],
};

/** SARIF 2.1.0, one run: the check's rules, each finding at the spec file and line of the response it broke. */
export function formatSarif(
  result: CheckResult,
  place: (responsePath: (string | number)[], part: string[]) => { file: string; line: number },
  toolVersion: string,
): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: "error-contracts check",
    toolDriverVersion: toolVersion,
    url: "https://github.com/error-contracts/error-contracts/blob/main/docs/check-rules.md",
  });
  for (const { id } of ruleIds)
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: id, shortDescriptionText: id }));
  for (const f of result.findings) {
    const where = f.responsePath ? place(f.responsePath, PART[f.rule] ?? []) : undefined;
    run.addResult(
      new SarifResultBuilder().initSimple({
        level: f.level,
        messageText: `${f.operation} ${f.status}: ${f.message}\n${curlOf(f.request)}`,
        ruleId: f.rule,
        ...(where && {
          fileUri: path.relative(process.cwd(), where.file).split(path.sep).join("/"),
          startLine: where.line,
        }),
      }),
    );
  }
  return sarifLog(run);
}
