import fs from "node:fs";
import path from "node:path";
import { Document, Spectral } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { describe, expect, it } from "vitest";
import { loadRuleset } from "./ruleset.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const { dir, write } = scratchDir("ruleset");
const cacheDir = path.join(dir, "cache");
const cachedEntry = () => path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => name.startsWith("ruleset-"))!);

const functionSource = (word: string) => `// @ts-check\nexport default function shout(input) {\n  return [{ message: "${word}: " + String(input) }];\n}\n`;
const ruleset = write("project/.spectral.yaml", "extends:\n  - ./rules/base.yaml\n");
write("project/rules/base.yaml", "functions: [shout]\nrules:\n  title-shout:\n    given: $.info.title\n    severity: error\n    then:\n      function: shout\n");
write("project/rules/functions/shout.js", functionSource("first"));

/** The messages a ruleset gives on a document titled "Pets". */
async function messages(file: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(file, cacheDir));
  const results = await spectral.run(new Document("openapi: 3.1.0\ninfo:\n  title: Pets\n  version: '1'\npaths: {}\n", Parsers.Yaml, "api.yaml"));
  return results.map((result) => `${String(result.code)} ${result.message}`);
}

describe("loadRuleset", () => {
  it("bundles a YAML ruleset with its extends and functions, as Spectral's loader does", async () => {
    expect(await messages(ruleset)).toEqual(["title-shout first: Pets"]);
    const entry = JSON.parse(fs.readFileSync(cachedEntry(), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(entry.files).sort()).toEqual([ruleset, path.join(dir, "project/rules/base.yaml"), path.join(dir, "project/rules/functions/shout.js")].sort());
  });

  it("evaluates the cached bundle while the ruleset's files are unchanged", async () => {
    const entry = JSON.parse(fs.readFileSync(cachedEntry(), "utf8")) as { code: string };
    fs.writeFileSync(cachedEntry(), JSON.stringify({ ...entry, code: entry.code.replace('"first: "', '"from the cache: "') }));
    expect(await messages(ruleset)).toEqual(["title-shout from the cache: Pets"]);
  });

  it("bundles again with force, as a cold build does, and refreshes the cache", async () => {
    const spectral = new Spectral();
    spectral.setRuleset(await loadRuleset(ruleset, cacheDir, { force: true }));
    const results = await spectral.run(new Document("openapi: 3.1.0\ninfo:\n  title: Pets\n  version: '1'\npaths: {}\n", Parsers.Yaml, "api.yaml"));
    expect(results.map((result) => result.message)).toEqual(["first: Pets"]);
    expect(await messages(ruleset)).toEqual(["title-shout first: Pets"]);
  });

  it.each([
    { given: "a function file", file: "project/rules/functions/shout.js", text: functionSource("second"), want: "title-shout second: Pets" },
    { given: "an extended ruleset", file: "project/rules/base.yaml", text: "functions: [shout]\nrules:\n  title-shout:\n    given: $.info.title\n    severity: warn\n    message: 'edited: {{error}}'\n    then:\n      function: shout\n", want: "title-shout edited: second: Pets" },
  ])("bundles again after an edit of $given", async ({ file, text, want }) => {
    write(file, text);
    expect(await messages(ruleset)).toEqual([want]);
  });

  it("names a ruleset it cannot read", async () => {
    const missing = path.join(dir, "nowhere", ".spectral.yaml");
    await expect(loadRuleset(missing, cacheDir)).rejects.toThrow(/nowhere\/\.spectral\.yaml/);
  });
});
