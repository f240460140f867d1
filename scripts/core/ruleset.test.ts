// biome-ignore-all lint/style/noExcessiveLinesPerFile: loadRuleset's cases, sharing the rulesets they write
import fs from "node:fs";
import path from "node:path";
import { Document, Spectral } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { describe, expect, it } from "vitest";
import { loadRuleset } from "./ruleset.js";
import { runCli } from "../../test/helpers/cli.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const { dir, write } = scratchDir("ruleset");
const cacheDir = path.join(dir, "cache");
const cachedEntry = () => path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => name.startsWith("ruleset-"))!);

const functionSource = (word: string) =>
  `// @ts-check\nexport default function shout(input) {\n  return [{ message: "${word}: " + String(input) }];\n}\n`;
const ruleset = write("project/.spectral.yaml", "extends:\n  - ./rules/base.yaml\n");
write(
  "project/rules/base.yaml",
  "functions: [shout]\nrules:\n  title-shout:\n    given: $.info.title\n    severity: error\n    then:\n      function: shout\n",
);
write("project/rules/functions/shout.js", functionSource("first"));

/** The messages a ruleset gives on a document titled "Pets". */
async function messages(file: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(file, cacheDir));
  const results = await spectral.run(
    new Document("openapi: 3.1.0\ninfo:\n  title: Pets\n  version: '1'\npaths: {}\n", Parsers.Yaml, "api.yaml"),
  );
  return results.map((result) => `${String(result.code)} ${result.message}`);
}

describe("loadRuleset", () => {
  it("bundles a YAML ruleset with its extends and functions, as Spectral's loader does", async () => {
    expect(await messages(ruleset)).toEqual(["title-shout first: Pets"]);
    const entry = JSON.parse(fs.readFileSync(cachedEntry(), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(entry.files).sort()).toEqual(
      [ruleset, path.join(dir, "project/rules/base.yaml"), path.join(dir, "project/rules/functions/shout.js")].sort(),
    );
  });

  it("evaluates the cached bundle while the ruleset's files are unchanged", async () => {
    const entry = JSON.parse(fs.readFileSync(cachedEntry(), "utf8")) as { code: string };
    fs.writeFileSync(
      cachedEntry(),
      JSON.stringify({ ...entry, code: entry.code.replace('"first: "', '"from the cache: "') }),
    );
    expect(await messages(ruleset)).toEqual(["title-shout from the cache: Pets"]);
  });

  it("bundles again with force, as a cold build does, and refreshes the cache", async () => {
    const spectral = new Spectral();
    spectral.setRuleset(await loadRuleset(ruleset, cacheDir, { force: true }));
    const results = await spectral.run(
      new Document("openapi: 3.1.0\ninfo:\n  title: Pets\n  version: '1'\npaths: {}\n", Parsers.Yaml, "api.yaml"),
    );
    expect(results.map((result) => result.message)).toEqual(["first: Pets"]);
    expect(await messages(ruleset)).toEqual(["title-shout first: Pets"]);
  });

  it.each([
    {
      given: "a function file",
      file: "project/rules/functions/shout.js",
      text: functionSource("second"),
      want: "title-shout second: Pets",
    },
    {
      given: "an extended ruleset",
      file: "project/rules/base.yaml",
      text: "functions: [shout]\nrules:\n  title-shout:\n    given: $.info.title\n    severity: warn\n    message: 'edited: {{error}}'\n    then:\n      function: shout\n",
      want: "title-shout edited: second: Pets",
    },
  ])("bundles again after an edit of $given", async ({ file, text, want }) => {
    write(file, text);
    expect(await messages(ruleset)).toEqual([want]);
  });

  it("names a ruleset it cannot read", async () => {
    const missing = path.join(dir, "nowhere", ".spectral.yaml");
    await expect(loadRuleset(missing, cacheDir)).rejects.toThrow(/nowhere\/\.spectral\.yaml/);
  });
});

/** Writes the files of a broken ruleset under broken/<name>/ and returns the ruleset's path. */
const broken = (name: string, files: Record<string, string>) =>
  Object.entries(files).map(([file, text]) => write(`broken/${name}/${file}`, text))[0]!;
const at = (name: string, file = ".spectral.yaml") => path.join(dir, "broken", name, file);
const noThen = 'the rule must have at least "given" and "then" properties';
const lines = (...texts: string[]) => texts.map((text) => `${text}\n`).join("");

describe("loadRuleset: a broken ruleset gets one line with its file, the line and Spectral's reason", () => {
  const cases: { given: string; name: string; files: Record<string, string>; want: string }[] = [
    {
      given: "an unknown rule key",
      name: "unknown-key",
      files: {
        ".spectral.yaml": lines(
          "rules:",
          "  my-rule:",
          "    given: $.info",
          "    colour: red",
          "    then:",
          "      function: truthy",
        ),
      },
      want:
        `${at("unknown-key")}:4: the ruleset is invalid: rules.my-rule: ` +
        "must NOT have additional properties (colour)",
    },
    {
      given: "a rule turned off that no ruleset it extends has (a misspelt id)",
      name: "unknown-rule",
      files: {
        ".spectral.yaml": lines("extends: [spectral:oas]", "rules:", "  info-contact: off", "  ec-limit-cod: off"),
      },
      want: `${at("unknown-rule")}:4: the ruleset is invalid: rules.ec-limit-cod: no rule of that name in the rulesets it extends`,
    },
    {
      given: "a rule without then",
      name: "no-then",
      files: { ".spectral.yaml": lines("rules:", "  my-rule:", "    given: $.info", "    severity: error") },
      want: `${at("no-then")}:2: the ruleset is invalid: rules.my-rule: ${noThen}`,
    },
    {
      given: "a rule without then in a ruleset it extends: that file",
      name: "extends-no-then",
      files: {
        ".spectral.yaml": lines("extends: [./base.yaml]"),
        "base.yaml": lines(
          "rules:",
          "  ok:",
          "    given: $",
          "    then: { function: truthy }",
          "  my-rule:",
          "    given: $.info",
        ),
      },
      want: `${at("extends-no-then", "base.yaml")}:5: the ruleset is invalid: rules.my-rule: ${noThen}`,
    },
    {
      given: "options a function does not take",
      name: "function-options",
      files: {
        ".spectral.yaml": lines(
          "rules:",
          "  my-rule:",
          "    given: $.info",
          "    then:",
          "      field: title",
          "      function: pattern",
          "      functionOptions:",
          "        nope: 1",
        ),
      },
      want:
        `${at("function-options")}:8: the ruleset is invalid: rules.my-rule.then.functionOptions.nope: ` +
        '"pattern" function does not support "nope" option',
    },
    {
      given: 'functions that are no list (Spectral\'s migrator says only "Invalid ruleset provided")',
      name: "functions-string",
      files: { ".spectral.yaml": lines("functions: shout", "rules: {}") },
      want: `${at("functions-string")}:1: the ruleset is invalid: functions: must be array`,
    },
    {
      given: "an empty file",
      name: "empty",
      files: { ".spectral.yaml": "" },
      want: `${at("empty")}: the ruleset is invalid: Provided ruleset is not an object`,
    },
    {
      given: "a function file that does not exist",
      name: "no-function-file",
      files: {
        ".spectral.yaml": lines(
          "functions: [nosuch]",
          "rules:",
          "  my-rule:",
          "    given: $.info",
          "    then:",
          "      function: nosuch",
        ),
      },
      want:
        `${at("no-function-file")}: the ruleset cannot be loaded: ` +
        `${at("no-function-file", "functions/nosuch.js")} does not exist`,
    },
    {
      given: "a YAML syntax error",
      name: "yaml-syntax",
      files: {
        ".spectral.yaml": lines("rules:", "  my-rule:", "    given: $.info", "   then:", "      function: truthy"),
      },
      want: `${at("yaml-syntax")}:4: the ruleset is not valid YAML: bad indentation of a mapping entry`,
    },
    {
      given: "a YAML syntax error in a ruleset it extends",
      name: "extends-yaml-syntax",
      files: {
        ".spectral.yaml": lines("extends: ./base.yaml"),
        "base.yaml": lines("rules:", "  my-rule:", '    given: "$.info'),
      },
      want:
        `${at("extends-yaml-syntax", "base.yaml")}:4: the ruleset is not valid YAML: ` +
        "unexpected end of the stream within a double quoted scalar",
    },
    {
      given: "a ruleset it extends that does not exist",
      name: "extends-missing",
      files: { ".spectral.yaml": lines("extends: [./nowhere.yaml]") },
      want:
        `${at("extends-missing")}: the ruleset cannot be loaded: ` +
        `${at("extends-missing", "nowhere.yaml")} does not exist`,
    },
    {
      given: "a ruleset file that does not exist",
      name: "none",
      files: {},
      want: `${at("none")}: the ruleset file does not exist`,
    },
  ];
  it.each(cases)("$given", async ({ name, files, want }) => {
    broken(name, files);
    const error = await loadRuleset(at(name), cacheDir).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(want);
  });
});

describe("error-contracts lint and build with a broken --ruleset", () => {
  const ruleset = broken("cli", {
    ".spectral.yaml": lines("rules:", "  my-rule:", "    given: $.info", "    severity: error"),
  });
  const stderr = `error-contracts: ${ruleset}:2: the ruleset is invalid: rules.my-rule: ${noThen}\n`;
  it("lint: exit 2 and one line, without a stack trace", async () => {
    const run = await runCli(["lint", "openapi/messaging/openapi.yaml", "--ruleset", ruleset]);
    expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ code: 2, stderr, stdout: "" });
  });
  it("lint: a function file that does not exist is one line too (no warning from rollup)", async () => {
    const missing = broken("cli-function", {
      ".spectral.yaml": lines(
        "functions: [nosuch]",
        "rules:",
        "  my-rule:",
        "    given: $",
        "    then: { function: nosuch }",
      ),
    });
    const run = await runCli(["lint", "openapi/messaging/openapi.yaml", "--ruleset", missing]);
    const reason = `${at("cli-function", "functions/nosuch.js")} does not exist`;
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr: `error-contracts: ${missing}: the ruleset cannot be loaded: ${reason}\n`,
    });
  });
  it("build: exit 2 and one line, the output left as it was", async () => {
    const out = path.join(dir, "out");
    const run = await runCli(["build", "--no-docs", "--ruleset", ruleset, "--out", out]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr });
    expect(fs.existsSync(out)).toBe(false);
  });
  it("build: a ruleset file that does not exist is one line, as lint says it", async () => {
    const out = path.join(dir, "out-missing");
    const missing = path.join(dir, "nope.yaml");
    const want = `error-contracts: ${missing}: the ruleset file does not exist\n`;
    const run = await runCli(["build", "--no-docs", "--ruleset", missing, "--out", out]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: want });
    expect(fs.existsSync(out)).toBe(false);
  });
});
