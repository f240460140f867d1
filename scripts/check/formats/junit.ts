import type { CheckResult } from "../model.js";
import { curlOf } from "../request.js";

const xml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * JUnit XML for CI: one test suite, one test case per coverage row (operation × status × code),
 * failed when a finding at `failOn` falls on it; findings on no row (an undocumented status) are
 * test cases of their own.
 */
export function formatJunit(result: CheckResult, failOn: "error" | "warning"): string {
  const counts = (f: { level: string }) => f.level === "error" || failOn === "warning";
  const cases: string[] = [];
  const placed = new Set<number>();
  for (const row of result.coverage) {
    const name = `${row.status}${row.code ? ` ${row.code}` : ""}`;
    const broken = result.findings
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.operation === row.operation && String(f.status) === row.status && counts(f));
    for (const { i } of broken) placed.add(i);
    const body =
      broken.length > 0
        ? broken
            .map(
              ({ f }) =>
                `<failure type="${xml(f.rule)}" message="${xml(f.message)}">${xml(curlOf(f.request))}</failure>`,
            )
            .join("")
        : row.state === "triggered-valid"
          ? ""
          : `<skipped message="${row.state}"/>`;
    cases.push(`    <testcase classname="${xml(row.operation)}" name="${xml(name)}">${body}</testcase>`);
  }
  result.findings.forEach((f, i) => {
    if (placed.has(i) || !counts(f)) return;
    cases.push(
      `    <testcase classname="${xml(f.operation)}" name="${xml(`${f.status} ${f.rule}`)}"><failure type="${xml(f.rule)}" message="${xml(f.message)}">${xml(curlOf(f.request))}</failure></testcase>`,
    );
  });
  const failures = cases.filter((c) => c.includes("<failure")).length;
  const skipped = cases.filter((c) => c.includes("<skipped")).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="error-contracts check" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="error-contracts check" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
  ].join("\n");
}
