import type { CheckResult } from "../model.js";

/** `{ findings: [{ rule, level, operation, status, code, message, request, evidence }], coverage, requests }`. */
export function formatJson(result: CheckResult): string {
  const findings = result.findings.map(({ responsePath: _, ...finding }) => finding);
  const stopped = result.stopped ? { stopped: result.stopped } : {};
  return JSON.stringify({ findings, coverage: result.coverage, requests: result.requests, ...stopped }, null, 2);
}
