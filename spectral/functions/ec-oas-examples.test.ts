/**
 * ec-oas-examples reports what spectral:oas's oas3-valid-media-example and oas3-valid-schema-example
 * report (path, line, column, message), on every lint fixture of this repo, this repo's bundles, and a
 * sample of GitHub's REST description (every 40th path, with the components they reach): each run by
 * the real Spectral, once with the two built-in rules and once with this rule.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Document } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLinter, type Linter } from "../../scripts/core/spectral.js";
import { scratchDir } from "../../test/helpers/scratch.js";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { dir, write } = scratchDir("ec-oas-examples");
const builtIn = ["oas3-valid-media-example", "oas3-valid-schema-example"];

/** Every path of GitHub's description that is the 40th, and the components they refer to (transitively). */
function githubSample(): string {
  const doc = require("@octokit/openapi/generated/api.github.com.json") as {
    paths: Record<string, unknown>;
    components: Record<string, Record<string, unknown>>;
  };
  const paths = Object.fromEntries(Object.entries<unknown>(doc.paths).filter((_, i) => i % 40 === 0));
  const components: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [paths];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      const ref = key === "$ref" && typeof value === "string" ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(value) : null;
      if (ref && !components[ref[1]!]?.[ref[2]!]) {
        const [, kind = "", name = ""] = ref;
        const target = doc.components[kind]?.[name];
        components[kind] = { ...components[kind], [name]: target };
        pending.push(target);
      } else pending.push(value);
    }
  }
  return write("github-sample.json", JSON.stringify({ ...doc, paths, components }, null, 2));
}

const inputs = [
  ...fs
    .readdirSync(path.join(repoRoot, "spectral", "fixtures"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join(repoRoot, "spectral", "fixtures", f)),
  ...fs
    .readdirSync(path.join(repoRoot, "generated"))
    .map((api) => path.join(repoRoot, "generated", api, "openapi.yaml"))
    .filter((f) => fs.existsSync(f)),
];

let before: Linter;
let after: Linter;
beforeAll(async () => {
  const ours = path.relative(dir, path.join(repoRoot, "spectral", "ruleset.yaml"));
  const on = builtIn.map((rule) => `  ${rule}: true`);
  before = await loadLinter(write("before.yaml", ["extends: [[spectral:oas, off]]", "rules:", ...on, ""].join("\n")));
  after = await loadLinter(write("after.yaml", `extends: [[spectral:oas, off], ${JSON.stringify(ours)}]\n`));
});

/** The findings of the example rules, as comparable lines: path, line, column, message. */
async function findings(linter: Linter, file: string, codes: string[]): Promise<string[]> {
  const text = fs.readFileSync(file, "utf8");
  const document = file.endsWith(".json")
    ? new Document(text, Parsers.Json, file)
    : new Document(text, Parsers.Yaml, file);
  const results = await linter.run(document);
  return results
    .filter((r) => codes.includes(String(r.code)))
    .map((r) => `${r.path.join(" › ")} ${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`)
    .sort();
}

describe("ec-oas-examples against spectral:oas's example rules", () => {
  it("finds the same on every lint fixture and this repo's bundles", async () => {
    let total = 0;
    for (const file of inputs) {
      const want = await findings(before, file, builtIn);
      expect(await findings(after, file, ["ec-oas-examples"]), path.relative(repoRoot, file)).toEqual(want);
      total += want.length;
    }
    // The rule's own fixtures hold wrong examples: the comparison is not of two empty lists.
    expect(total).toBeGreaterThanOrEqual(8);
  });

  it("finds the same on a sample of GitHub's REST description", async () => {
    const sample = githubSample();
    const want = await findings(before, sample, builtIn);
    expect(want.length).toBeGreaterThan(0);
    expect(await findings(after, sample, ["ec-oas-examples"])).toEqual(want);
  });
});
