/**
 * Every rule function checks its options (`createRulesetFunction`): a ruleset that passes one an
 * option it does not take fails to load, with Spectral's message, at the file and line at fault.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadRuleset } from "../scripts/core/ruleset.js";
import { scratchDir } from "../test/helpers/scratch.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const functionsDir = path.join(here, "functions");
const ruleset = parse(fs.readFileSync(path.join(here, "ruleset.yaml"), "utf8")) as { functions: string[] };
const { dir, write } = scratchDir("rule-options");

/** A ruleset with one rule that calls `fn`, with `functionOptions` as given (YAML) or none. */
function rulesetCalling(fn: string, options?: string): string {
  const then = [`      function: ${fn}`, ...(options ? [`      functionOptions: ${options}`] : [])];
  const text = [
    `functionsDir: ${JSON.stringify(path.relative(dir, functionsDir))}`,
    `functions: [${fn}]`,
    "rules:",
    "  the-rule:",
    "    given: $",
    "    severity: error",
    "    then:",
    ...then,
    "",
  ].join("\n");
  return write(`${fn}-${options ? "with" : "without"}-options.yaml`, text);
}

describe("rule function options", () => {
  it("names one function file per rule id", () => {
    const files = fs
      .readdirSync(functionsDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => f.replace(/\.js$/, ""));
    expect(files.sort()).toEqual([...ruleset.functions].sort());
    expect(ruleset.functions.every((fn) => fn.startsWith("ec-"))).toBe(true);
  });

  it.each(ruleset.functions)("%s loads without options and refuses an option it does not take", async (fn) => {
    await expect(loadRuleset(rulesetCalling(fn))).resolves.toBeDefined();
    const file = rulesetCalling(fn, "{ status: 429 }");
    await expect(loadRuleset(file)).rejects.toThrow(`"${fn}" function does not accept any options`);
    await expect(loadRuleset(file)).rejects.toThrow(`${file}:9: the ruleset is invalid`);
  });
});
