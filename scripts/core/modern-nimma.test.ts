import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Spectral } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { filesBelow } from "./cache.js";
import { useModernNimma } from "./modern-nimma.js";
import { loadRuleset } from "./ruleset.js";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const fromCore = createRequire(require.resolve("@stoplight/spectral-core"));
const legacy = fromCore("nimma/legacy") as { default: unknown };
const modern = fromCore("nimma") as { default: unknown };

/** Every lint fixture of the ruleset and the tests: documents with findings of every rule. */
const fixtures = [
  ...filesBelow(path.join(repoRoot, "spectral", "fixtures")),
  ...filesBelow(path.join(repoRoot, "test", "fixtures", "lint")),
].filter((file) => /\.ya?ml$/.test(file));

/** Spectral's results on every fixture with the repo's ruleset, as plain data. */
async function lintAll(): Promise<unknown[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(path.join(repoRoot, ".spectral.yaml")));
  const results: unknown[] = [];
  for (const file of fixtures) {
    const document = new Document(fs.readFileSync(file, "utf8"), Parsers.Yaml, file);
    for (const r of await spectral.run(document))
      results.push([path.relative(repoRoot, file), r.code, r.path.join("/"), r.message, r.severity, r.range]);
  }
  return results;
}

describe("useModernNimma", () => {
  let restore: (() => void) | undefined;
  // The test files share their worker's modules (vitest.config.ts): a linter made by an earlier file has put the
  // modern build in place. Each test starts from the legacy one.
  beforeEach(() => useModernNimma()());
  afterEach(() => restore?.());

  it("puts nimma's own build behind Spectral's legacy import, and back", () => {
    const before = legacy.default;
    expect(before).not.toBe(modern.default);
    restore = useModernNimma();
    expect(legacy.default).toBe(modern.default);
    restore();
    expect(legacy.default).toBe(before);
  });

  it("gives Spectral's results on every lint fixture, in the same order, as the legacy build", async () => {
    const withLegacy = await lintAll();
    restore = useModernNimma();
    const withModern = await lintAll();
    expect(withLegacy.length).toBeGreaterThan(50);
    expect(withModern).toEqual(withLegacy);
  });
});
