/**
 * Golden tests: one before/after pair per diff rule in fixtures/<rule-id>/, each with the exact
 * findings (rule, level, location) and exit code it must give.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { compareContracts } from "./compare.js";
import { applyConfig } from "./config.js";
import { diffRules, exitCodeFor, type Finding } from "./rules.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, "fixtures");
const read = (rule: string, name: string) =>
  parse(fs.readFileSync(path.join(fixtures, rule, name), "utf8")) as Record<string, unknown>;
const rules = Object.keys(diffRules);
const docs = fs.readFileSync(path.join(here, "..", "..", "docs", "diff-rules.md"), "utf8");
const brief = (findings: Finding[]) => findings.map(({ rule, level, location }) => ({ rule, level, location }));

describe.each(rules)("%s", (rule) => {
  it("gives exactly the expected findings, levels and exit code", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, rule, "expected.json"), "utf8")) as {
      exitCode: number;
      findings: Finding[];
    };
    const findings = compareContracts(read(rule, "base.yaml"), read(rule, "head.yaml"));
    // Each finding's rule, level and location, and its message where the fixture gives one.
    const withMessages = brief(findings).map((f, i) =>
      expected.findings[i] && "message" in expected.findings[i] ? { ...f, message: findings[i]!.message } : f,
    );
    expect(withMessages).toEqual(expected.findings);
    expect(findings.every((f) => f.message.length > 10)).toBe(true);
    // The location is printed before the message: the message does not say it again.
    expect(findings.filter((f) => f.message.includes(f.location))).toEqual([]);
    expect(exitCodeFor(findings, "breaking")).toBe(expected.exitCode);
  });
  it("finds nothing between a version and itself", () => {
    expect(compareContracts(read(rule, "base.yaml"), read(rule, "base.yaml"))).toEqual([]);
    expect(compareContracts(read(rule, "head.yaml"), read(rule, "head.yaml"))).toEqual([]);
  });
  it("is documented with its level", () => {
    expect(docs).toContain(`\n### ${rule}\n\nLevel: **${diffRules[rule as keyof typeof diffRules].level}**.`);
  });
});

describe("exit codes and config", () => {
  const findings = compareContracts(read("code-added", "base.yaml"), read("code-added", "head.yaml"));
  it.each([
    { failOn: "breaking", code: 0 },
    { failOn: "warning", code: 1 },
    { failOn: "info", code: 1 },
  ] as const)("a warning with --fail-on $failOn → $code", ({ failOn, code }) =>
    expect(exitCodeFor(findings, failOn)).toBe(code),
  );
  it("changes a level and ignores a finding by rule and location", () => {
    expect(brief(applyConfig(findings, { levels: { "code-added": "breaking" }, ignore: [] }))).toEqual([
      { rule: "code-added", level: "breaking", location: "code 40402" },
    ]);
    expect(applyConfig(findings, { levels: {}, ignore: [{ rule: "code-added", location: "code 40402" }] })).toEqual([]);
    expect(applyConfig(findings, { levels: {}, ignore: [{ rule: "code-added", location: "code 1" }] })).toHaveLength(1);
  });
});
