/**
 * One test per rule, driven by data: every `spectral/fixtures/<rule-id>/pass*.yaml` gets no result
 * of that rule, every `fail*.yaml` gets exactly the results its `# expect:` lines list (path and
 * message), from the real `.spectral.yaml`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLinter, type Linter } from "../scripts/core/spectral.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const fixturesDir = path.join(here, "fixtures");
const ruleset = parse(fs.readFileSync(path.join(here, "ruleset.yaml"), "utf8")) as {
  rules: Record<
    string,
    { documentationUrl?: string; description?: string; message?: string; severity?: string } | string
  >;
};
const ruleIds = Object.keys(ruleset.rules).filter((id) => id.startsWith("ec-"));
const rulesDoc = fs.readFileSync(path.join(repoRoot, "docs", "rules.md"), "utf8");

interface Expected {
  path: string[];
  message: string;
}

function fixtures(ruleId: string) {
  const dir = path.join(fixturesDir, ruleId);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
    : [];
  return files.map((file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as Expected);
    return { file, full: path.join(dir, file), text, expected, pass: file.startsWith("pass") };
  });
}

let linter: Linter;
beforeAll(async () => {
  linter = await loadLinter(path.join(repoRoot, ".spectral.yaml"));
});

describe.each(ruleIds)("%s", (ruleId) => {
  const cases = fixtures(ruleId);

  it("has a pass and a fail fixture, a doc section and a documentationUrl to it", () => {
    expect(cases.some((c) => c.pass)).toBe(true);
    expect(cases.some((c) => !c.pass && c.expected.length > 0)).toBe(true);
    expect(rulesDoc).toContain(`\n### ${ruleId}\n`);
    const rule = ruleset.rules[ruleId] as { documentationUrl: string; description: string; severity: string };
    expect(rule.documentationUrl.endsWith(`docs/rules.md#${ruleId}`)).toBe(true);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(["error", "warn"]).toContain(rule.severity);
  });

  it.each(cases)("$file", async ({ full, text, expected, pass }) => {
    const results = (await linter.run(new Document(text, Parsers.Yaml, full))).filter((r) => r.code === ruleId);
    const got = results.map((r) => ({ path: r.path.map(String), message: r.message }));
    if (pass) {
      expect(got).toEqual([]);
      return;
    }
    expect(got.length, JSON.stringify(got, null, 1)).toBe(expected.length);
    for (const want of expected) {
      expect(got, `no result at ${want.path.join(" › ")} with "${want.message}"`).toContainEqual({
        path: want.path,
        message: expect.stringContaining(want.message),
      });
    }
  });
});
